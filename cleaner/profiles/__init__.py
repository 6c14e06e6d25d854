"""Site profiles: small declarative adjustments of the generic rules for one site or template.

Importing this package registers the built-in profiles; `registry` holds the matching logic.
"""

from .registry import Profile, find_profile, profiles, register_profile
from . import contentfarm, menafn  # noqa: F401  (registers the built-ins)

__all__ = ["Profile", "find_profile", "profiles", "register_profile"]
