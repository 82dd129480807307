"""The commands: one module per command, each with its options and wiring beside what it renders.

Each module's ``register`` adds its command to the one typer app of :mod:`zjk_targets.cli`, which
also puts every command behind the error boundary. What commands share sits below them:
:mod:`.options` (the shared options), :mod:`.exits` (exit codes, the error a user can fix),
:mod:`.reading` (which files to read, as of which date) and :mod:`.output` (stdout, files, the pager).
With :mod:`zjk_targets.cli`, these are the only modules that print, exit or read the environment.
"""
