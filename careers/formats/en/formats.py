# A walk-in's hours as job ads write them: "10:00 AM".
TIME_FORMAT = "g:i A"
