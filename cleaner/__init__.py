"""cleaner: scraped news pages (plain-text dumps and HTML) -> article text, metadata, and an
explanation of every piece removed.

    >>> import cleaner
    >>> article = cleaner.clean(open("page.txt").read())
    >>> article.text, article.title, [r.rule for r in article.removed]
"""

from .api import clean, clean_file
from .article import Article, Metadata, Removal
from .batch import clean_many
from .config import Config
from .errors import CleanerError, InputTypeError, UnknownProfileError
from .profiles import Profile, profiles, register_profile
from .rules import Page, Rule

__all__ = [
    "Article",
    "CleanerError",
    "Config",
    "InputTypeError",
    "Metadata",
    "Page",
    "Profile",
    "Removal",
    "Rule",
    "UnknownProfileError",
    "clean",
    "clean_file",
    "clean_many",
    "profiles",
    "register_profile",
]
__version__ = "0.1.0"
