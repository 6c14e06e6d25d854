"""Input -> blocks: decoding and kind detection (detect), dumps (text), pages (html)."""
