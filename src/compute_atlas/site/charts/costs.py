"""Charts of the costs page: training compute, cost, energy, cloud prices and the cost breakdown."""

from __future__ import annotations

import altair as alt
import polars as pl

from ...metadata.units import fmt_value, sig
from ...schemas import column_unit
from .common import PALETTE, WIDTH, Chart, axis, figure, fit, frame, level, theme, tip, trend_line


def _run_points(con, value_col: str) -> pl.DataFrame:
    return frame(con, f"""
        SELECT run_id, model, organization, publication_date,
               CASE WHEN is_frontier THEN 'frontier run' ELSE 'other notable run' END AS run_kind,
               {value_col} AS value, accelerator_id
        FROM training_run_costs WHERE {value_col} IS NOT NULL ORDER BY publication_date, run_id""")


def _runs_over_time(con, value_col, fit_ids, y_title, what, title, noun) -> Chart:
    unit = column_unit(value_col)
    points = _run_points(con, value_col)
    tooltip = [alt.Tooltip("model:N", title="Model"), alt.Tooltip("organization:N", title="Organization"),
               alt.Tooltip("publication_date:T", title="Published"), alt.Tooltip("run_kind:N", title="Kind"),
               tip("value", y_title, unit), alt.Tooltip("accelerator_id:N", title="Hardware")]
    dots = alt.Chart(points).mark_circle(size=55, opacity=0.75).encode(
        x=alt.X("publication_date:T", title="Publication date"),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(type="log"), axis=axis(unit)),
        color=alt.Color("run_kind:N", title=None, scale=alt.Scale(domain=["frontier run", "other notable run"],
                                                                  range=[PALETTE[1], "#9aa7b0"])),
        tooltip=tooltip)
    layers, sentences = [dots], []
    for i, (fit_id, label) in enumerate(fit_ids):
        f = fit(con, fit_id)
        if f:
            line = trend_line(f, f"{label}: ×{sig(f['growth_per_year_x'], 3)} a year", "publication_date")
            dash = [[6, 4], [2, 3], [10, 2, 2, 2]][i % 3]
            layers.append(alt.Chart(line).mark_line(strokeDash=dash, color="#333").encode(
                x="publication_date:T", y="value:Q", tooltip=[alt.Tooltip("series:N", title="Trend")]))
            sentences.append(f"{label} grew {sig(f['growth_per_year_x'], 3)}× a year ({level(f)} interval "
                             f"{sig(f['growth_per_year_x_low'], 3)}–{sig(f['growth_per_year_x_high'], 3)}×, "
                             f"{f['n_points']} runs, {f['start_date'].year}–{f['end_date'].year})")
    takeaway = ("; ".join(sentences) + ".") if sentences else "Too few runs to fit a trend."
    description = (f"Scatter plot, log scale, of {what} against publication date for {points.height} {noun}, "
                   "frontier runs in orange, with fitted exponential trends as dashed lines.")
    return Chart(title, takeaway, description, points, theme(alt.layer(*layers)),
                 columns={"run_kind": ("`frontier run` (among the most compute-intensive of its time, Epoch AI's frontier flag) or `other notable run`.", None)})


def training_compute(con) -> Chart:
    return _runs_over_time(con, "compute_reported_flop",
                           [("training_compute_flop:notable-models", "Compute of notable runs"),
                            ("frontier_training_compute_flop:frontier-models", "Compute of frontier runs")],
                           "Training compute (FLOP)", "training compute", "Training compute over time",
                           "training runs")


def training_cost(con) -> Chart:
    return _runs_over_time(con, "cost_estimate_usd_2024",
                           [("frontier_training_cost_usd:frontier-models", "Cost of frontier runs"),
                            ("frontier_training_cost_usd:frontier-models-2016-2023",
                             "Cost of frontier runs in Cottier et al.'s window")],
                           "Estimated training cost (2024 USD)", "estimated training cost",
                           "Training cost over time (amortized ownership, else cloud rental)", "training runs")


def training_energy(con) -> Chart:
    points = frame(con, """
        SELECT run_id, model, publication_date,
               CASE WHEN is_frontier THEN 'frontier run' ELSE 'other notable run' END AS run_kind,
               energy_kwh, emissions_t_co2e, accelerator_id
        FROM training_run_costs WHERE energy_kwh IS NOT NULL ORDER BY publication_date, run_id""")
    spec = alt.Chart(points).mark_circle(size=55, opacity=0.75).encode(
        x=alt.X("publication_date:T", title="Publication date"),
        y=alt.Y("energy_kwh:Q", title="Facility energy (kWh)", scale=alt.Scale(type="log"), axis=axis("kwh")),
        color=alt.Color("run_kind:N", title=None, scale=alt.Scale(domain=["frontier run", "other notable run"],
                                                                  range=[PALETTE[1], "#9aa7b0"])),
        tooltip=[alt.Tooltip("model:N", title="Model"), alt.Tooltip("publication_date:T", title="Published"),
                 tip("energy_kwh", "Energy (kWh)"),
                 tip("emissions_t_co2e", "Emissions (tCO2e)"),
                 alt.Tooltip("accelerator_id:N", title="Hardware")])
    top = points.sort("energy_kwh", descending=True).head(1)
    takeaway = "No run has the inputs for an energy estimate."
    if top.height:
        takeaway = (f"The most energy-hungry run in the data, {top['model'][0]}, used an estimated "
                    f"{fmt_value(top['energy_kwh'][0], 'kwh')} and emitted about "
                    f"{fmt_value(top['emissions_t_co2e'][0], 't_co2e')} at the world-average grid intensity.")
    description = (f"Scatter plot, log scale, of the estimated facility energy of {points.height} training runs "
                   "against publication date, frontier runs in orange; tooltips give emissions.")
    return Chart("Energy and emissions per training run", takeaway, description, points, theme(spec),
                 columns={"run_kind": ("`frontier run` (among the most compute-intensive of its time, Epoch AI's frontier flag) or `other notable run`.", None)})


def cloud_prices(con) -> Chart:
    points = frame(con, """
        WITH top AS (SELECT accelerator_id FROM cloud_prices WHERE pricing_model = 'on_demand'
                     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 8)
        SELECT c.accelerator_id, a.name, c.provider, c.price_date, c.price_usd_per_hour, c.source
        FROM cloud_prices c JOIN accelerators a USING (accelerator_id)
        WHERE c.pricing_model = 'on_demand' AND c.accelerator_id IN (SELECT accelerator_id FROM top)
        ORDER BY c.price_date, c.accelerator_id, c.provider""")
    spec = alt.Chart(points).mark_circle(size=50, opacity=0.75).encode(
        x=alt.X("price_date:T", title="Date of the price"),
        y=alt.Y("price_usd_per_hour:Q", title="On-demand price (USD per accelerator-hour)", scale=alt.Scale(type="log"),
                axis=axis("usd_per_hour")),
        color=alt.Color("name:N", title="Accelerator", legend=alt.Legend(columns=2)),
        tooltip=[alt.Tooltip("name:N", title="Accelerator"), alt.Tooltip("provider:N", title="Provider"),
                 alt.Tooltip("price_date:T", title="Date"),
                 tip("price_usd_per_hour", "USD per hour"),
                 alt.Tooltip("source:N", title="Source")])
    medians = frame(con, """
        SELECT name, median_price_usd_per_hour FROM cloud_price_summary
        WHERE pricing_model = 'on_demand' AND accelerator_id IN (SELECT DISTINCT accelerator_id FROM cloud_prices
            WHERE pricing_model = 'on_demand' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 8)
        ORDER BY median_price_usd_per_hour, name""")
    takeaway = "No on-demand prices."
    if medians.height:
        low, high = medians.row(0, named=True), medians.row(-1, named=True)
        takeaway = (f"Median on-demand prices run from ${sig(low['median_price_usd_per_hour'], 2)} an hour "
                    f"({low['name']}) to ${sig(high['median_price_usd_per_hour'], 2)} ({high['name']}) across "
                    "providers (cloud_price_summary).")
    description = (f"Scatter plot, log scale, of {points.height} on-demand cloud prices per accelerator-hour against "
                   "date for the eight most-priced accelerators, coloured by accelerator.")
    return Chart("Cloud price per accelerator-hour", takeaway, description, points, theme(spec))


def cost_breakdown(con) -> Chart:
    points = frame(con, """
        SELECT model, run_id, component, usd_2024 FROM (
            SELECT model, run_id, publication_date,
                   amortized_hardware_cost_usd_2024 AS "amortized hardware", energy_cost_usd_2024 AS "energy"
            FROM training_run_costs
            WHERE run_id IN (SELECT run_id FROM landmark_runs WHERE role = 'cost-breakdown')
              AND ownership_cost_usd IS NOT NULL)
        UNPIVOT (usd_2024 FOR component IN ("amortized hardware", "energy"))
        ORDER BY publication_date, component""")
    spec = alt.Chart(points).mark_bar().encode(
        y=alt.Y("model:N", title=None, sort=None),
        x=alt.X("usd_2024:Q", title="Amortized ownership cost (2024 USD)", axis=axis("usd_2024")),
        color=alt.Color("component:N", title="Component"),
        tooltip=[alt.Tooltip("model:N", title="Model"), alt.Tooltip("component:N", title="Component"),
                 tip("usd_2024", "2024 USD", "usd_2024")])
    share = figure(con, "landmark_energy_share_frac")
    takeaway = (f"Across these landmark runs, energy is {fmt_value(share, 'frac')} of the amortized ownership "
                "cost; the hardware's depreciation over the run dominates.")
    description = ("Horizontal stacked bars of the amortized ownership cost of landmark training runs, split into "
                   "amortized hardware and energy, in 2024 dollars.")
    return Chart("Cost breakdown of landmark runs", takeaway, description, points,
                 theme(spec.properties(width=WIDTH - 90, height=40 * max(1, points["model"].n_unique()))),
                 columns={"component": ("Part of the amortized ownership cost: `amortized hardware` (depreciation of the "
                                        "chips over the run) or `energy` (the electricity of the run).", None),
                          "usd_2024": ("That part's cost in 2024 US dollars.", "usd_2024")})




METHOD_LABELS = {"ours-cloud": "ours: cloud (on demand)", "ours-ownership": "ours: ownership",
                 "cottier-cloud": "Cottier: cloud (3-year)", "cottier-amortized": "Cottier: amortized"}


def cost_methods(con) -> Chart:
    """Each run's cost by each method against the figure Cottier et al. (Epoch AI) publish for it."""
    points = frame(con, """
        SELECT run_id, model, publication_date, method_id, cost_method, published_cost_usd_2024, cost_usd_2024,
               ratio_to_published_x, pricing_model, price_provider, price_date, rate_usd_per_hour, method_chip_hours,
               published_chip_hours
        FROM training_cost_methods WHERE ratio_to_published_x IS NOT NULL
        ORDER BY method_id, publication_date, run_id""")
    points = points.with_columns(pl.col("method_id").replace_strict(METHOD_LABELS, default=None).alias("method"))
    domain = [METHOD_LABELS[m] for m in METHOD_LABELS]
    dots = alt.Chart(points).mark_point(size=60, filled=True, opacity=0.8).encode(
        x=alt.X("published_cost_usd_2024:Q", title="Published cost, Cottier et al. / Epoch AI (2024 USD)",
                scale=alt.Scale(type="log"), axis=axis("usd_2024")),
        y=alt.Y("cost_usd_2024:Q", title="Cost by the method (2024 USD)", scale=alt.Scale(type="log"),
                axis=axis("usd_2024")),
        color=alt.Color("method:N", title="Method", scale=alt.Scale(domain=domain, range=PALETTE[:4]),
                        legend=alt.Legend(columns=2, labelLimit=220)),
        shape=alt.Shape("cost_method:N", title="Published figure"),
        tooltip=[alt.Tooltip("model:N", title="Model"), alt.Tooltip("method:N", title="Method"),
                 tip("cost_usd_2024", "Cost (2024 USD)"),
                 tip("published_cost_usd_2024", "Published (2024 USD)"),
                 tip("ratio_to_published_x", "Ratio"),
                 alt.Tooltip("pricing_model:N", title="Price tier"), alt.Tooltip("price_provider:N", title="Provider"),
                 alt.Tooltip("price_date:T", title="Price date"),
                 tip("method_chip_hours", "Chip-hours", "chip_hours"),
                 tip("published_chip_hours", "Published chip-hours")])
    # the line of agreement, drawn across the points' range (a drawing aid, not a metric)
    low = min(points["published_cost_usd_2024"].min(), points["cost_usd_2024"].min()) if points.height else 1
    high = max(points["published_cost_usd_2024"].max(), points["cost_usd_2024"].max()) if points.height else 10
    diagonal = pl.DataFrame({"published_cost_usd_2024": [low, high], "cost_usd_2024": [low, high]})
    line = alt.Chart(diagonal).mark_line(color="#555", strokeDash=[4, 4]).encode(
        x="published_cost_usd_2024:Q", y="cost_usd_2024:Q")
    parts = []
    for method_id in METHOD_LABELS:
        median = figure(con, f"cost_method_{method_id.replace('-', '_')}_ratio_median_x")
        n = figure(con, f"cost_method_{method_id.replace('-', '_')}_published_count")
        if median is not None and n:
            parts.append(f"{METHOD_LABELS[method_id]} {fmt_value(median, 'factor')} ({int(n)} runs)")
    takeaway = ("Median ratio to the published figure: " + "; ".join(parts) + ". Our on-demand cloud cost sits "
                "above the published one because Cottier et al. price at a 3-year commitment.") if parts else \
        "No run has a published cost."
    description = (f"Log-log scatter plot of {points.height} cost estimates against the figure Cottier et al. (Epoch AI) "
                   "publish for the same run and kind of cost, coloured by method, with the line of agreement dashed.")
    return Chart("Our costs and Cottier et al.'s method, against their published figures", takeaway, description,
                 points, theme(alt.layer(line, dots)))
