"""Sharing a result: links that can be switched off, and the card shown in chat apps."""
