"""Validates Fides manifests written by `vern export --format fideslang` with the fideslang package.

Usage: python3 check_fideslang.py MANIFEST.yml...

Each manifest is parsed into fideslang's Taxonomy (every resource validated by fideslang's pydantic
models), and every data category, data use and data subject a privacy declaration names must be in
fideslang's default taxonomy or defined in the manifest itself, with its parent. Prints `ok FILE` per
manifest; exits 1 with the reasons on the first invalid one.
"""

import sys

import yaml
from fideslang.default_taxonomy import DEFAULT_TAXONOMY
from fideslang.parse import load_manifests_into_taxonomy


def check(path):
    with open(path, encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    problems = []
    taxonomy = load_manifests_into_taxonomy(raw)
    known = {
        "data_category": {c.fides_key for c in DEFAULT_TAXONOMY.data_category},
        "data_use": {u.fides_key for u in DEFAULT_TAXONOMY.data_use},
        "data_subject": {s.fides_key for s in DEFAULT_TAXONOMY.data_subject},
    }
    for kind in known:
        for entry in getattr(taxonomy, kind):
            if entry.fides_key in known[kind]:
                problems.append(f"{kind} {entry.fides_key} redefines a default key")
            parent = getattr(entry, "parent_key", None)
            if parent and parent not in known[kind] and parent not in {
                e.fides_key for e in getattr(taxonomy, kind)
            }:
                problems.append(f"{kind} {entry.fides_key}: unknown parent {parent}")
        known[kind] |= {e.fides_key for e in getattr(taxonomy, kind)}
    if not taxonomy.organization:
        problems.append("no organization")
    if not taxonomy.system:
        problems.append("no system")
    orgs = {o.fides_key for o in taxonomy.organization}
    for system in taxonomy.system:
        if system.organization_fides_key not in orgs:
            problems.append(f"system {system.fides_key}: unknown organization")
        for d in system.privacy_declarations:
            where = f"system {system.fides_key}, declaration {d.name!r}"
            for c in d.data_categories + list(d.shared_categories):
                if c not in known["data_category"]:
                    problems.append(f"{where}: unknown data category {c}")
            if d.data_use not in known["data_use"]:
                problems.append(f"{where}: unknown data use {d.data_use}")
            for s in d.data_subjects:
                if s not in known["data_subject"]:
                    problems.append(f"{where}: unknown data subject {s}")
    if problems:
        print(f"invalid {path}:")
        for p in problems:
            print(f"  {p}")
        sys.exit(1)
    declarations = sum(len(s.privacy_declarations) for s in taxonomy.system)
    print(f"ok {path}: {len(taxonomy.system)} systems, {declarations} declarations")




def check_keys(path):
    """Every line of PATH is `KIND KEY` (data_category, data_use, data_subject, legal_basis,
    special_category_legal_basis): the key must be in fideslang's default taxonomy or enums."""
    from fideslang.models import LegalBasisForProcessingEnum, SpecialCategoryLegalBasisEnum

    known = {
        "data_category": {c.fides_key for c in DEFAULT_TAXONOMY.data_category},
        "data_use": {u.fides_key for u in DEFAULT_TAXONOMY.data_use},
        "data_subject": {s.fides_key for s in DEFAULT_TAXONOMY.data_subject},
        "legal_basis": {e.value for e in LegalBasisForProcessingEnum},
        "special_category_legal_basis": {e.value for e in SpecialCategoryLegalBasisEnum},
    }
    bad = []
    count = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            kind, key = line.rstrip("\n").split(" ", 1)
            count += 1
            if key not in known[kind]:
                bad.append(f"{kind} {key!r} is not in fideslang's taxonomy")
    if bad:
        print(f"invalid {path}:")
        for b in bad:
            print(f"  {b}")
        sys.exit(1)
    print(f"ok {path}: {count} keys")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--keys"]:
        check_keys(sys.argv[2])
    else:
        for arg in sys.argv[1:]:
            check(arg)
