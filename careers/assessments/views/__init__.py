"""The questionnaire's pages (quiz.py) and the candidate's private result (results.py)."""
