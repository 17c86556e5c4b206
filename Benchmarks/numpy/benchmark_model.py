"""The benchmark scenario (Benchmarks/scenarios/benchmark.yaml) as a Python analyst would write it
with NumPy: vectorised over the replications, one loop over the years.

The model is the engine's for that scenario: 10 years from 2026, 20 studios named a year, no
studio before the start, no applicant pool, subsidies or fraud. Each named studio earns its
1,000,000 yuan grant 3:3:4 (the first tranche on naming), is assessed every year after its
naming year with pass probability 1 / (1 + o * f_studio * f_year), o the odds against passing
(0.93 in the cycle, 0.95 after it), f_studio = o(B) / o(0.93) for B ~ Beta(18.6, 1.4) drawn at
naming (heterogeneity 20), f_year = exp(-s) for the year's shock s ~ N(0, 0.3). In the cycle of
at most 5 years a pass earns the next tranche and one fail gives a yellow card, two in a row
revoke; the cycle closes with the third tranche or at age 5 (forfeiting what is unearned);
after it one fail revokes. Per year it summarises what the engine does for this scenario
(named, assessed, active, yellow cards, revocations, cycles completed, forfeited tranches,
grant outflow and its cumulative sum: mean, sd, MCSE, min, P5, P25, P50, P75, P95, max) and,
per cohort, the share revoked, the share fully paid and the grant paid per studio.

Usage: python3 benchmark_model.py [REPLICATIONS]   (default 100000; prints the wall time)
"""

import sys
import time

import numpy as np

YEARS = 10
QUOTA = 20
P_IN, P_POST = 0.93, 0.95
KAPPA = 20.0
SHOCK_SD = 0.3
TRANCHES = np.array([300_000.0, 300_000.0, 400_000.0])
CYCLE_YEARS = 5
NOT_NAMED, IN_CYCLE, POST_CYCLE, REVOKED = 0, 1, 2, 3


def odds(p):
    return (1.0 - p) / p


def simulate(replications, seed=1):
    rng = np.random.default_rng(seed)
    r, n = replications, YEARS * QUOTA
    phase = np.zeros((r, n), dtype=np.int8)
    earned = np.zeros((r, n), dtype=np.int8)
    fails = np.zeros((r, n), dtype=np.int8)
    factor = np.ones((r, n))
    paid = np.zeros((r, n))
    names = ["named", "assessed", "active", "yellow_cards", "revocations", "revocations_in_cycle",
             "revocations_post_cycle", "cycles_completed", "forfeited", "grant_outflow"]
    metrics = {name: np.zeros((r, YEARS)) for name in names}
    o_in, o_post = odds(P_IN), odds(P_POST)
    for year in range(YEARS):
        year_factor = np.exp(-rng.normal(0.0, SHOCK_SD, r))[:, None]
        m = year * QUOTA  # studios named before this year
        if m:
            ph, ea, fa = phase[:, :m], earned[:, :m], fails[:, :m]
            age = year - np.repeat(np.arange(year), QUOTA)[None, :] + 1
            assessed = (ph == IN_CYCLE) | (ph == POST_CYCLE)
            p = 1.0 / (1.0 + np.where(ph == IN_CYCLE, o_in, o_post) * factor[:, :m] * year_factor)
            passed = rng.random((r, m)) < p
            in_pass = (ph == IN_CYCLE) & passed
            in_fail = (ph == IN_CYCLE) & ~passed
            post_fail = (ph == POST_CYCLE) & ~passed
            grant = np.where(in_pass, TRANCHES[np.minimum(ea, 2)], 0.0)
            paid[:, :m] += grant
            ea += in_pass
            fa[:] = np.where(passed & assessed, 0, fa + (in_fail | post_fail))
            revoked_in = in_fail & (fa >= 2)
            yellow = in_fail & ~revoked_in
            closes = (ph == IN_CYCLE) & ~revoked_in & ((ea >= 3) | (age >= CYCLE_YEARS))
            metrics["assessed"][:, year] = assessed.sum(1)
            metrics["yellow_cards"][:, year] = yellow.sum(1)
            metrics["revocations_in_cycle"][:, year] = revoked_in.sum(1)
            metrics["revocations_post_cycle"][:, year] = post_fail.sum(1)
            metrics["cycles_completed"][:, year] = closes.sum(1)
            metrics["forfeited"][:, year] = np.where(closes, 3 - ea, 0).sum(1)
            metrics["grant_outflow"][:, year] = grant.sum(1)
            ph[closes] = POST_CYCLE
            ph[revoked_in | post_fail] = REVOKED
            fa[closes] = 0
        new = slice(m, m + QUOTA)
        beta = rng.beta(P_IN * KAPPA, (1 - P_IN) * KAPPA, (r, QUOTA))
        factor[:, new] = odds(beta) / o_in
        phase[:, new] = IN_CYCLE
        earned[:, new] = 1
        paid[:, new] = TRANCHES[0]
        metrics["named"][:, year] = QUOTA
        metrics["grant_outflow"][:, year] += QUOTA * TRANCHES[0]
        metrics["active"][:, year] = ((phase == IN_CYCLE) | (phase == POST_CYCLE)).sum(1)
    metrics["revocations"] = metrics["revocations_in_cycle"] + metrics["revocations_post_cycle"]
    metrics["cumulative_grant_outflow"] = np.cumsum(metrics["grant_outflow"], axis=1)
    cohort = phase.reshape(r, YEARS, QUOTA)
    cohorts = {
        "share_revoked": (cohort == REVOKED).mean(2),
        "share_fully_paid": (earned.reshape(r, YEARS, QUOTA) == 3).mean(2),
        "paid_per_studio": paid.reshape(r, YEARS, QUOTA).mean(2),
    }
    return metrics, cohorts


def summarise(columns):
    """Mean, sd, MCSE, min, P5, P25, P50, P75, P95 and max of each column (replications down)."""
    out = {}
    for name, values in columns.items():
        sd = values.std(axis=0, ddof=1)
        out[name] = np.vstack([values.mean(0), sd, sd / np.sqrt(len(values)), values.min(0),
                               np.percentile(values, [5, 25, 50, 75, 95], axis=0), values.max(0)])
    return out


def main():
    replications = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    start = time.perf_counter()
    metrics, cohorts = simulate(replications)
    summary = summarise(metrics)
    cohort_summary = summarise(cohorts)
    elapsed = time.perf_counter() - start
    print("year  grant mean        P5       P95  active  revocations")
    for year in range(YEARS):
        g = summary["grant_outflow"][:, year]
        print(f"{2026 + year}  {g[0]:11,.0f} {g[4]:10,.0f} {g[8]:10,.0f} {summary['active'][0, year]:7.1f}"
              f" {summary['revocations'][0, year]:12.2f}")
    print(f"cohort 2026 share revoked {cohort_summary['share_revoked'][0, 0]:.4f}")
    print(f"numpy {np.__version__}: {replications} replications in {elapsed:.3f} s")


if __name__ == "__main__":
    main()
