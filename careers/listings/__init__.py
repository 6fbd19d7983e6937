"""Job listings: employers, recruiters' listings, moderation, the no-fee guard, the bulk
import, and which listings are shown beside a result."""
