"""Citations → references → claims, in stages (``pipeline.build_ledger`` composes them in this order):

``sentences.split_sentences`` → ``extract.extract_citations`` (with ``locators``, ``authors``, ``pandoc``) →
``link.link_citations`` (with ``matching``) → ``claims.extract_claims`` / ``claims.link_supports`` →
``checks.run_checks``; ``export`` renders the ledger (JSON, CSV, Markdown) and diagnostics as SARIF.
"""
