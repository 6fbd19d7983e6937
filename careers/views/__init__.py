"""The app's views, one module per subject: pages, quiz, results, sharing, health."""
