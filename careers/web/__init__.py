"""What every request passes through: the client's address, input checks, rate limits,
logins, the security log, caching, the error pages and the health check."""
