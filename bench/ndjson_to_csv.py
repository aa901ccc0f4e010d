#!/usr/bin/python3
"""Writes gen_prospects' NDJSON as the CSV a CRM would export (Python's csv module, RFC 4180):
one column a field, the generator's fields in its order, empty cells for absent or null ones.

    bench/ndjson_to_csv.py < prospects.ndjson > prospects.csv
"""
import csv
import json
import sys

# Every field gen_prospects writes, deadline and group only on some rows.
FIELDS = ["id", "first_name", "last_name", "company", "title", "degree", "open_profile",
          "accepts_inmail", "pending_invitations", "rarely_accepts", "deadline", "goal",
          "mutual_connections", "timezone", "priority", "do_not_contact", "group", "headline",
          "notes", "last_activity", "email"]


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


writer = csv.writer(sys.stdout, lineterminator="\r\n")
writer.writerow(FIELDS)
for line in sys.stdin:
    record = json.loads(line)
    writer.writerow([cell(record.get(field)) for field in FIELDS])
