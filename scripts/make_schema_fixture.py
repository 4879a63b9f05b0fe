"""Write the fixture profile of one released schema, with data, for the upgrade test.

Run once when a schema is released (before the next migration changes the models):
    .venv/bin/python scripts/make_schema_fixture.py 0002

It creates ``tests/data/profiles/schema_<REVISION>/`` (an encrypted profile at exactly that
revision, filled by the demo generator, unlocked with ``FIXTURE_PASSPHRASE`` under the
insecure test KDF) and ``expected.json`` beside it: what every later version must still find
in it after the upgrade. Commit both; never regenerate an old one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy import Engine

from sst_desktop.app_context import AppContext, OwnerInput, read_actor, write_owner
from sst_desktop.casework.stats import profile_stats
from sst_desktop.clock import SystemClock
from sst_desktop.config.programmes import load_default_rules
from sst_desktop.demo.generator import generate
from sst_desktop.security.kdf import KdfPolicy
from sst_desktop.store import profile, schema
from sst_rules.enums import Authority, Role

FIXTURE_PASSPHRASE = "fixture profile: upgrade me, keep every word"
ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    parser.add_argument("--students", type=int, default=12)
    args = parser.parse_args()
    target = ROOT / "tests" / "data" / "profiles" / f"schema_{args.revision}"
    if target.exists():
        print(f"{target} exists; fixtures of released schemas are never regenerated")
        return 1
    policy = KdfPolicy.insecure_for_tests()
    owner = OwnerInput("Fixture Användare", Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES)

    def initialise(engine: Engine) -> None:
        schema.upgrade_to(engine, args.revision)
        write_owner(engine, owner)

    profile.create_profile(target / "profile", FIXTURE_PASSPHRASE, policy, initialise=initialise)
    unlocked = profile.unlock_profile(target / "profile", FIXTURE_PASSPHRASE, policy)
    try:
        engine = unlocked.engine
        actor = read_actor(engine, target / "profile")
        app = AppContext(target / "profile", engine, SystemClock(), load_default_rules(), actor)
        generate(app, students=args.students, seed=int(args.revision))
        stats = profile_stats(engine)
        expected = {
            "revision": schema.current_revision(engine),
            "counts": stats.counts,
            "by_state": stats.cases_by_programme_status,
            "audit_events": stats.audit_events,
        }
    finally:
        profile.lock(unlocked)
    (target / "expected.json").write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
