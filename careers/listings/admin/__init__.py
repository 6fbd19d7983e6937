"""Recruiters' and moderators' admin: listings (and renewing), employers, the review
queue and the bulk import."""

from careers.listings.admin import employers, listings, review
