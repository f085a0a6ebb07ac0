"""Source-grounded briefing generator: seeds → Article → Briefing → Markdown pages → MkDocs."""
