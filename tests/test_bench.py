"""The performance page is written from a bench run's figures, with each budget met or missed as measured."""

from compute_atlas.bench import BUDGETS, performance_page


def report(shipped_s: float, load_x: float) -> dict:
    return {
        "machine": {"python": "3.11.7", "cpus": 2, "platform": "Linux"}, "date": "2026-12-07", "budgets": BUDGETS,
        "shipped": {"seconds": shipped_s, "steps": {"validate": 0.5, "derive": shipped_s - 0.5}},
        "synthetic": [{"rows": 10**7, "floor_s": 9.0, "validate_and_load_s": 9.0 * load_x, "load_vs_floor": load_x,
                       "floor_whole_s": 16.0, "total_s": 24.0, "build_vs_floor": 1.5, "build_us_per_row": 2.4,
                       "peak_rss_gb": 0.85}],
    }


def test_page_states_each_figure_and_whether_its_budget_is_met():
    page = performance_page(report(shipped_s=2.9, load_x=1.2))
    assert page.startswith("# Performance")
    assert "2026-12-07" in page and "2 CPUs" in page
    assert "Database build: 2.90 s, missed by 1.4 s (budget 1.5 s)" in page
    assert "| 10,000,000 | 9.00 | 10.80 | 1.20 |" in page
    assert "validate and load 1.20× the load floor, met (budget 1.8×)" in page
    assert "the whole build 1.50× the whole floor, met" in page


def test_a_budget_met_on_one_run_is_missed_on_another():
    assert "Database build: 1.20 s, met" in performance_page(report(shipped_s=1.2, load_x=1.9))
    assert "1.90× the load floor, missed by 0.1× (budget 1.8×)" in performance_page(report(shipped_s=1.2, load_x=1.9))
