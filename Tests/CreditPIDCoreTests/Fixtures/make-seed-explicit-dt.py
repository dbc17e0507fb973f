#!/usr/bin/env python3
"""Writes seed-explicit-dt.json: decisions of the original controller's arithmetic with the
real simple-pid 1.0 (pip install simple-pid==1.0.0), this time with the time step passed to
the PID explicitly, so that the integral's growth with dt is checked against simple-pid itself.

The shared vector file cannot check that: its generator's PID read its own clock, so its
integrals moved by a few microseconds' worth whatever its dt_seconds said. December dates are
included here with a 31-day month (the original crashed on them)."""
import calendar, json, random
from simple_pid import PID

TOTAL, MARGIN = 500000.0, 0.02
TARGET = TOTAL * (1 - MARGIN)

def decide(year, month, day, spend, rate, rollout, integral, dt):
    if spend >= TARGET:
        return dict(percentage=0, integral_after=integral, components=[0, integral, 0])
    dim = calendar.monthrange(year, month)[1]
    remaining = dim - day
    ideal, daily = (0, 0) if remaining <= 0 else (day / dim * TARGET, (TARGET - spend) / remaining)
    error = (ideal - spend) / TARGET * 100
    base = min(100, max(0, rollout)) if rate > 0 and daily > 0 else 50.0
    pid = PID(2.0, 0.15, 0.5, setpoint=0)
    pid.output_limits = (-40, 40)
    pid._integral = integral
    out = pid(-error, dt=dt)
    return dict(percentage=max(0, min(100, base + out)), integral_after=pid._integral,
                components=list(pid.components))

rng = random.Random(20261203)
cases = []
for _ in range(300):
    year, month = rng.choice([2024, 2025, 2026, 2027]), rng.randint(1, 12)
    dim = calendar.monthrange(year, month)[1]
    day = rng.choice([1, 2, dim - 1, dim, rng.randint(1, dim)])
    spend = rng.choice([0.0, rng.uniform(0, 480000), rng.uniform(480000, 500000)])
    rate = rng.choice([0.0, rng.uniform(1000, 30000)])
    rollout = rng.choice([0, 15, 35, 35.5, 80, 100])
    integral = rng.uniform(-45, 45)
    dt = rng.choice([0.5, 2.0, 12.0, 3600.0, 86400.0])
    case = dict(date=f"{year:04d}-{month:02d}-{day:02d}", current_spend=round(spend, 2),
                daily_spend_rate=round(rate, 2), rollout_perc=rollout,
                integral_before=integral, dt_seconds=dt)
    case.update(decide(year, month, day, case["current_spend"], case["daily_spend_rate"],
                       rollout, integral, dt))
    cases.append(case)
json.dump({"about": __doc__.strip(), "cases": cases}, open("seed-explicit-dt.json", "w"), indent=1)
