# On the 24-hour clock, as railway timetables write it: Django's Hindi format gives
# "बजे" for both AM and PM, so 4 PM read "4:00 बजे", the same as 4 in the morning.
TIME_FORMAT = "H:i"
