"""claim_evidence: the points that decide each claim of the register.

One function per rule of ``compute_atlas.metadata.vocabularies.CLAIM_RULES`` (the rule's plain-word description is there);
each reads the relations the rule names, with the claim's ``check_subset``, and returns points in the claim's
unit, each with the kind of evidence it is (``training``, ``inference``, ``reasoning_era``) where the rule
knows it. Whether a point agrees with the claim, and whether it counts (like-for-like, of the claim's kind, an
interval narrow enough to decide), is decided by ``compute_atlas.stats.claims`` for every rule alike, with the
tolerance of an 'about' claim from ``parameters``.
"""

from __future__ import annotations

import math

from compute_atlas.metadata.vocabularies import CLAIM_RULES, RATIO_METRICS, SIXTEEN_BIT_PRECISIONS, TASK_PHASE_WORDS
from compute_atlas.publish.steps import PipelineError, parameter, relation_frame
from compute_atlas.stats.claims import Point, accepted_range, point_kind_of_task, subset_args, too_wide
from compute_atlas.stats.trends import growth_per_year, period_of


def _point(point_id, label, relation, value, low=None, high=None, counts=True, notes=None, accelerators=(),
           run_id=None, kind=None):
    """A point; ``counts`` False marks one that is not like-for-like (a vendor's basis kept beside)."""
    return {"point_id": point_id, "label": label, "relation": relation, "value": value, "value_low": low,
            "value_high": high, "counts": counts, "notes": notes, "point_kind": kind,
            "accelerator_ids": ";".join(accelerators) or None, "run_id": run_id}


#: the kind of evidence an algorithmic-progress fit is, by its era: a reasoning-era fit is not evidence about
#: training compute alone
ERA_KIND = {"pre_reasoning": "training", "reasoning": "reasoning_era"}


def _halvings(con, domains):
    """Regression estimates of algorithmic progress per benchmark of the domains: (id, name, months, low, high,
    kind); ``high`` is None where the interval's upper end is open (no progress lies within it); ``kind`` is
    the evidence kind of the fit's era."""
    rows = con.execute("""
        SELECT a.benchmark_id, b.name, a.halving_time_months, a.halving_time_months_low, a.halving_time_months_high,
               a.era
        FROM algorithmic_progress a JOIN benchmarks b USING (benchmark_id)
        WHERE a.fit_method = 'regression' AND b.domain IN (SELECT unnest(?)) AND a.halving_time_months > 0
          AND a.halving_time_months_low > 0
        ORDER BY a.benchmark_id""", [domains]).fetchall()
    return [(*r[:5], ERA_KIND.get(r[5])) for r in rows]


def _fit(con, fit_id):
    """(growth, low, high, points, start, end) of a trend fit; None where `trend_fits` has no such fit (its
    subset has too few points for one): the rule then finds no point for it."""
    rows = con.execute("SELECT growth_per_year_x, growth_per_year_x_low, growth_per_year_x_high, n_points, "
                       "start_date, end_date FROM trend_fits WHERE fit_id = ?", [fit_id]).fetchall()
    return rows[0] if rows else None


def _growth(months):
    """Growth per year of a halving time in months; None (an open end) for None."""
    return None if months is None else growth_per_year(months, "halving_time_months")


def _months(growth):
    """Doubling months of a growth factor per year; None where it does not grow (1 × a year or less), which as
    the end of an interval leaves it open."""
    return None if growth is None or growth <= 1 else period_of(growth, "doubling_time_months")


def _ratio(a, b):
    """a / b, None (an open end) where either is."""
    return None if a is None or b is None else a / b


def _upto(high):
    return "open-ended" if high is None else f"{high:.3g}"


def algorithmic_growth(con, args):
    return [_point(b, name, "algorithmic_progress", _growth(h), _growth(hi), _growth(lo), kind=kind,
                   notes=f"halving time {h:.3g} months ({lo:.3g} to {_upto(hi)})")
            for b, name, h, lo, hi, kind in _halvings(con, args["domain"])]


def algorithmic_halving(con, args):
    return [_point(b, name, "algorithmic_progress", h, lo, hi, kind=kind)
            for b, name, h, lo, hi, kind in _halvings(con, args["domain"])]


def hardware_doubling(con, args):
    out = []
    for fit_id in args["fits"]:
        fit = _fit(con, fit_id)
        if fit is None or _months(fit[0]) is None:  # no fit, or no growth: no doubling time
            continue
        g, g_lo, g_hi, n, start, end = fit
        out.append(_point(fit_id, fit_id.split(":", 1)[1], "trend_fits", _months(g), _months(g_hi),
                          _months(g_lo), notes=f"{n} chips, {start.year} to {end.year}"))
    return out


def hardware_vs_algorithms(con, args):
    fit = _fit(con, args["fit"][0])
    if fit is None or _months(fit[0]) is None:
        return []
    g, g_lo, g_hi, *_ = fit
    d, d_lo, d_hi = _months(g), _months(g_hi), _months(g_lo)
    return [_point(b, name, "algorithmic_progress", d / h, _ratio(d_lo, hi), _ratio(d_hi, lo), kind=kind,
                   notes=f"hardware doubling {d:.3g} months against algorithmic halving {h:.3g} months")
            for b, name, h, lo, hi, kind in _halvings(con, args["domain"])]


def compute_share(con, args):
    fit = _fit(con, args["fit"][0])
    if fit is None:
        return []
    g, g_lo, g_hi, *_ = fit

    def share(compute, months):
        """None (an open end) where an end is open or effective compute does not grow."""
        algorithms = _growth(months)
        if compute is None or algorithms is None:
            return None
        total = math.log(compute) + math.log(algorithms)
        return math.log(compute) / total if total > 0 else None

    return [_point(b, name, "algorithmic_progress", share(g, h), share(g_lo, lo), share(g_hi, hi), kind=kind,
                   notes=f"compute {g:.3g}x a year, algorithms {_growth(h):.3g}x a year")
            for b, name, h, lo, hi, kind in _halvings(con, args["domain"]) if share(g, h) is not None]


#: ``('bf16', 'fp16')``: the 16-bit floating-point formats, as an SQL list
SIXTEEN_BIT_SQL = "(" + ", ".join(f"'{p}'" for p in SIXTEEN_BIT_PRECISIONS) + ")"


def _rate(con, accelerator_id, metric, sixteen_bit):
    """(name, precision, metric) at the chip's best dense 16-bit rate (BF16 or FP16, tensor or not), or at its
    fastest rate: of a floating-point format, or of any format for a chip that has none (TPU v1's INT8)."""
    where = f"AND precision IN {SIXTEEN_BIT_SQL}" if sixteen_bit else ""
    rows = con.execute(f"""
        SELECT name, precision, {metric} FROM accelerator_efficiency
        WHERE accelerator_id = ? AND {metric} IS NOT NULL {where}
        ORDER BY precision LIKE 'int%', peak_flop_per_s DESC, precision LIMIT 1""", [accelerator_id]).fetchall()
    return rows[0] if rows else None


def accelerator_ratio(con, args):
    metric = args["metric"][0]
    if metric not in RATIO_METRICS:
        raise PipelineError(f"claim_evidence: accelerator_ratio compares one of {RATIO_METRICS}, not {metric!r}")
    out = []
    for pair in args["pairs"]:
        a, b = pair.split(":")
        same = _rate(con, a, metric, True), _rate(con, b, metric, True)
        if all(same):
            (na, pa, va), (nb, pb, vb) = same
            out.append(_point(pair, f"{na} / {nb}", "accelerator_efficiency", va / vb,
                              notes=f"{pa} against {pb} (16-bit, dense)", accelerators=(a, b)))
        fast = _rate(con, a, metric, False), _rate(con, b, metric, False)
        if all(fast) and (not all(same) or (fast[0][1], fast[1][1]) != (same[0][1], same[1][1])):
            (na, pa, va), (nb, pb, vb) = fast
            out.append(_point(f"{pair}:fastest", f"{na} / {nb}, each at its fastest rate", "accelerator_efficiency",
                              va / vb, counts=False, notes=f"{pa} against {pb}: not like-for-like",
                              accelerators=(a, b)))
    return out


def rental_saving(con, args):
    provider, pricing = args["provider"][0], args["pricing"][0]

    def per_flop(accelerator_id):
        rows = con.execute(f"""
            SELECT any_value(e.name), median(c.price_usd_per_hour), max(e.peak_flop_per_s), min(c.price_date),
                   max(c.price_date)
            FROM cloud_prices c JOIN accelerator_efficiency e USING (accelerator_id)
            WHERE c.accelerator_id = ? AND c.provider = ? AND c.pricing_model = ? AND e.precision IN {SIXTEEN_BIT_SQL}
            """, [accelerator_id, provider, pricing]).fetchall()
        return rows[0] if rows and rows[0][1] is not None else None

    out = []
    for pair in args["pairs"]:
        ids = pair.split(":")
        custom, gpu = (per_flop(x) for x in ids)
        # prices of different years say more about the year than the chip: the two chips' years of prices overlap
        if custom and gpu and custom[3].year <= gpu[4].year and gpu[3].year <= custom[4].year:
            saving = 1 - (custom[1] / custom[2]) / (gpu[1] / gpu[2])
            out.append(_point(pair, f"{custom[0]} against {gpu[0]}", "cloud_prices", saving,
                              notes=f"{provider} {pricing}: {custom[1]:.3g} USD/h ({custom[3]} to {custom[4]}) against "
                                    f"{gpu[1]:.3g} USD/h ({gpu[3]} to {gpu[4]})", accelerators=ids))
    return out


def training_cost(con, args):
    rows = con.execute("""
        SELECT run_id, method_id, model, cost_method, cost_usd, dollar_year FROM training_cost_methods
        WHERE run_id IN (SELECT unnest(?)) AND method_id IN (SELECT unnest(?)) ORDER BY run_id, method_id""",
                       [args["runs"], args["methods"]]).fetchall()
    return [_point(f"{run}:{method}", f"{model} ({method})", "training_cost_methods", cost,
                   notes=f"{kind} method, {year} dollars", run_id=run) for run, method, model, kind, cost, year in rows]


def technique_effect(con, args):
    rows = con.execute("""
        SELECT result_id, technique, model, effect_x, category, task FROM technique_effects
        WHERE metric = ? AND technique_id IN (SELECT unnest(?)) ORDER BY result_id""",
                       [args["metric"][0], args["techniques"]]).fetchall()
    return [_point(rid, f"{technique} on {model}", "technique_effects", x, notes=task,
                   kind=point_kind_of_task(category, task, TASK_PHASE_WORDS))
            for rid, technique, model, x, category, task in rows]


def electricity_price(con, args):
    rows = con.execute("""
        SELECT region_id, region, year, industrial_price_usd_per_kwh FROM electricity e
        WHERE country_code = ? AND region_id <> lower(country_code) AND industrial_price_usd_per_kwh IS NOT NULL
          AND year = (SELECT max(year) FROM electricity f WHERE f.region_id = e.region_id
                      AND f.industrial_price_usd_per_kwh IS NOT NULL)
        ORDER BY region_id""", [args["country"][0]]).fetchall()
    return [_point(rid, f"{region} ({year})", "electricity", price) for rid, region, year, price in rows]


def no_atlas_data(con, args):
    return []


CHECKS = {name: globals()[name] for name in CLAIM_RULES}


def excluded(like_for_like: bool, kind: str | None, claim_kind: str | None, wide: bool) -> str | None:
    """Why a point does not count (a key of ``POINT_EXCLUSIONS``), None where it counts: not like-for-like,
    then of the wrong kind (a kind that is known and not the claim's), then too wide to decide."""
    if not like_for_like:
        return "not_like_for_like"
    if claim_kind and kind and kind != claim_kind:
        return "wrong_kind"
    return "too_wide" if wide else None


def derive(con):
    tolerance = parameter(con, "claim-about-tolerance-x")
    claims = con.execute("SELECT claim_id, claim_form, claimed_low, claimed_high, unit, check_rule, check_subset, "
                         "evidence_kind FROM claims ORDER BY claim_id").fetchall()
    rows = []
    for claim_id, form, low, high, unit, rule, subset, evidence_kind in claims:
        accepted = accepted_range(form, low, high, tolerance, unit)
        for p in CHECKS[rule](con, subset_args(subset)):
            point = Point(p["value"], p["value_low"], p["value_high"])
            p.update(claim_id=claim_id, unit=unit, agrees=point.agrees(accepted),
                     excluded=excluded(p["counts"], p["point_kind"], evidence_kind, too_wide(point, accepted)))
            p["counts"] = p["excluded"] is None
            rows.append(p)
    return relation_frame("claim_evidence", rows)
