"""The questionnaire (a form per step), the answers and the result they give."""
