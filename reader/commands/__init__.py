"""The CLI's commands, one module each; imported only when that command runs."""
