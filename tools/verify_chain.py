#!/usr/bin/env python3
"""Re-verify a HADAF event log's hash chain independently of the platform's code.

Usage: python3 tools/verify_chain.py PATH/TO/hadaf.sqlite

Written from the canonical byte layout that the README documents, with nothing but Python's
standard library, as an auditor would. Exit 0 when intact, 1 at the first bad position.
"""
import hashlib
import sqlite3
import struct
import sys


def text(value: str) -> bytes:
    data = value.encode("utf-8")
    return struct.pack(">I", len(data)) + data


def main(path: str) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = connection.execute(
        "SELECT position, event_id, stream_id, stream_version, type, schema_version,"
        " payload, metadata, recorded_at, hash FROM events ORDER BY position")
    previous = bytes(32)
    expected = 1
    for position, event_id, stream, version, kind, schema, payload, metadata, recorded, stored in rows:
        if position != expected:
            print(f"ALTERED: position {expected} is missing")
            return 1
        canonical = (struct.pack(">q", position) + event_id + text(stream) + struct.pack(">q", version)
                     + text(kind) + struct.pack(">q", schema) + text(payload) + text(metadata)
                     + struct.pack(">q", recorded))
        previous = hashlib.sha256(previous + canonical).digest()
        if previous != stored:
            print(f"ALTERED: the event at position {position} does not match its hash")
            return 1
        expected += 1
    print(f"intact: {expected - 1} events, head hash {previous.hex() if expected > 1 else 'none'}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(64)
    sys.exit(main(sys.argv[1]))
