"""How each language writes what Django's own locale formats get wrong for our readers
(settings.FORMAT_MODULE_PATH); everything else is Django's."""
