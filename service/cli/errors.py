"""The command's own errors, apart from the engine's: a path, file or input
line the command cannot use. ``commands.main`` maps each to exit code 2; the
engine's ``InputError`` stays for articles the engine cannot audit."""


class CommandError(Exception):
    """Base of the errors the command raises on purpose."""


class FileError(CommandError):
    """A file or path the command cannot read or write."""
