#!/usr/bin/env python3
"""Writes examples/outcomes/ledger.ndjson: three months of a campaign with two template variants
a channel, so that `outreach stats` and `outreach report` have something real to show.

The variants are assigned as the plan assigns them (SPEC §12: FNV-1a 64 of id + "\\n" + channel
over the sorted names), and each variant answers at its own made-up rate: the outcomes are
invented, the bookkeeping is exact. Deterministic: the same file on every run.
"""
import datetime
import json
import random
import sys

VARIANTS = {"connect": ["question", "short"], "message": ["direct", "question"],
            "inmail": ["long", "short"]}
# Invented success rates: acceptance for connect, replies for the others.
RATES = {("connect", "question"): 0.42, ("connect", "short"): 0.26,
         ("message", "direct"): 0.22, ("message", "question"): 0.34,
         ("inmail", "long"): 0.40, ("inmail", "short"): 0.18}
START = datetime.date(2026, 8, 31)   # a Monday
END = datetime.date(2026, 11, 25)    # the day before the README's "today"


def fnv1a64(text):
    h = 0xcbf29ce484222325
    for byte in text.encode():
        h = ((h ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def variant(prospect, channel):
    names = sorted(VARIANTS[channel])
    return names[fnv1a64(prospect + "\n" + channel) % len(names)]


def business_day(day):
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def main(out):
    rng = random.Random(7)
    events = []
    order = 0

    def add(day, kind, prospect, **extra):
        nonlocal order
        if day <= END:
            order += 1
            events.append((day, order, dict(date=day.isoformat(), type=kind, prospect=prospect,
                                            **extra)))

    number = 100
    day = START
    while day <= END - datetime.timedelta(days=2):
        if day.weekday() < 5:
            # About four invitations a working day, and an InMail most days.
            for _ in range(rng.choice([3, 4, 4, 5])):
                number += 1
                prospect = f"p-{number}"
                name = variant(prospect, "connect")
                add(day, "invite_sent", prospect, template=name, reason="free-path")
                if rng.random() < RATES[("connect", name)]:
                    accepted = business_day(day + datetime.timedelta(days=rng.choice([1, 1, 2, 3, 4, 6])))
                    add(accepted, "invite_accepted", prospect)
                    sent = business_day(accepted + datetime.timedelta(days=1))
                    for step in range(3):  # the first message and up to two follow-ups
                        message = variant(prospect, "message")
                        add(sent, "message_sent", prospect, template=message, reason="connected")
                        if rng.random() < RATES[("message", message)]:
                            add(sent + datetime.timedelta(days=rng.choice([0, 1, 1, 2, 3, 5])),
                                "reply", prospect)
                            break
                        sent = business_day(sent + datetime.timedelta(days=7))
                elif rng.random() < 0.5:
                    add(business_day(day + datetime.timedelta(days=21)), "invite_withdrawn", prospect)
            if rng.random() < 0.7:
                number += 1
                prospect = f"p-{number}"
                name = variant(prospect, "inmail")
                free = rng.random() < 0.2
                add(day, "inmail_sent", prospect, free=free, template=name,
                    reason="open-profile" if free else rng.choice(["time-sensitive", "hard-to-connect"]))
                if rng.random() < RATES[("inmail", name)]:
                    add(day + datetime.timedelta(days=rng.choice([1, 2, 3, 4, 7, 10])), "reply", prospect)
                elif rng.random() < 0.25:
                    add(day + datetime.timedelta(days=rng.choice([1, 2, 5])), "inmail_declined", prospect)
        day += datetime.timedelta(days=1)

    events.sort(key=lambda e: (e[0], e[1]))
    for _, _, event in events:
        # The ledger's canonical key order (format_ledger_event).
        line = {"date": event["date"], "type": event["type"], "prospect": event["prospect"]}
        if event["type"] == "inmail_sent":
            line["free"] = event["free"]
        for key in ("template", "reason"):
            if key in event:
                line[key] = event[key]
        out.write(json.dumps(line, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(sys.stdout)
