"""Validates the JSON-LD written by `vern export --format dpv` with rdflib and SPARQL.

Usage: python3 check_dpv.py FILE:PURPOSES...   (PURPOSES: how many purposes the policy has)

Each file is parsed as JSON-LD into an RDF graph, then checked for the shape vern promises:
one dpv:PersonalDataHandling per purpose; each with exactly one purpose and at most one controller;
legal bases from DPV's GDPR module (or declared dpv:LegalBasis nodes); personal data from DPV's pd:
namespace or declared dpv:PersonalData nodes; storage durations typed xsd:duration; every DPV term in
the DPV 2.x namespaces (https://w3id.org/dpv...). Prints `ok FILE` per file; exits 1 on the first
invalid one.
"""

import sys

from rdflib import Graph, URIRef

DPV = "https://w3id.org/dpv#"
PREFIXES = """
PREFIX dpv: <https://w3id.org/dpv#>
PREFIX pd: <https://w3id.org/dpv/pd#>
PREFIX eu-gdpr: <https://w3id.org/dpv/legal/eu/gdpr#>
PREFIX legal-eu: <https://w3id.org/dpv/legal/eu#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


def ask(g, query):
    return g.query(PREFIXES + query)


def check(arg):
    path, expected = arg.rsplit(":", 1)
    g = Graph()
    g.parse(path, format="json-ld")
    problems = []
    handlings = list(ask(g, "SELECT ?h WHERE { ?h a dpv:PersonalDataHandling }"))
    if len(handlings) != int(expected):
        problems.append(f"{len(handlings)} dpv:PersonalDataHandling, expected {expected}")
    for row in ask(g, """
        SELECT ?h (COUNT(DISTINCT ?p) AS ?n) WHERE {
          ?h a dpv:PersonalDataHandling . OPTIONAL { ?h dpv:hasPurpose ?p }
        } GROUP BY ?h HAVING (COUNT(DISTINCT ?p) != 1)"""):
        problems.append(f"{row.h}: {row.n} purposes, expected 1")
    for row in ask(g, """
        SELECT ?h (COUNT(DISTINCT ?c) AS ?n) WHERE {
          ?h a dpv:PersonalDataHandling ; dpv:hasDataController ?c
        } GROUP BY ?h HAVING (COUNT(DISTINCT ?c) > 1)"""):
        problems.append(f"{row.h}: {row.n} controllers")
    for row in ask(g, """
        SELECT ?h ?b WHERE {
          ?h dpv:hasLegalBasis ?b .
          FILTER(!STRSTARTS(STR(?b), "https://w3id.org/dpv/legal/eu/gdpr#"))
          FILTER NOT EXISTS { ?b a dpv:LegalBasis }
        }"""):
        problems.append(f"{row.h}: legal basis {row.b} is neither eu-gdpr: nor a dpv:LegalBasis")
    for row in ask(g, """
        SELECT ?h ?d WHERE {
          ?h dpv:hasPersonalData ?d .
          FILTER(!STRSTARTS(STR(?d), "https://w3id.org/dpv/pd#"))
          FILTER NOT EXISTS { ?d a dpv:PersonalData }
        }"""):
        problems.append(f"{row.h}: personal data {row.d} is neither pd: nor a dpv:PersonalData")
    for row in ask(g, """
        SELECT ?h ?v WHERE {
          ?h dpv:hasStorageCondition ?s . ?s dpv:hasDuration ?d . ?d rdf:value ?v .
          FILTER(DATATYPE(?v) != xsd:duration)
        }"""):
        problems.append(f"{row.h}: duration {row.v} is not an xsd:duration")
    for row in ask(g, """
        SELECT ?h WHERE {
          ?h a dpv:PersonalDataHandling .
          FILTER NOT EXISTS { ?h dpv:hasApplicableLaw legal-eu:law-GDPR }
        }"""):
        problems.append(f"{row.h}: the GDPR is not among its applicable laws")
    # Every term in a DPV-like namespace is in the DPV 2.x ones (no http://www.w3.org/ns/dpv#, no typos).
    for term in set(g.subjects()) | set(g.predicates()) | set(g.objects()):
        if isinstance(term, URIRef) and "dpv" in str(term).lower():
            if not str(term).startswith("https://w3id.org/dpv"):
                problems.append(f"term outside the DPV 2.x namespaces: {term}")
    if problems:
        print(f"invalid {path}:")
        for p in problems:
            print(f"  {p}")
        sys.exit(1)
    print(f"ok {path}: {len(g)} triples, {len(handlings)} handlings")


if __name__ == "__main__":
    for a in sys.argv[1:]:
        check(a)
