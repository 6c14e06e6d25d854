"""Typed errors for misuse. Content problems never raise: they give an empty Article with a reason."""


class CleanerError(Exception):
    """Base class of every error this package raises on purpose."""


class InputTypeError(CleanerError, TypeError):
    """clean() was given something that is neither str nor bytes."""


class UnknownProfileError(CleanerError, KeyError):
    """A profile name was asked for that no registered profile has."""
