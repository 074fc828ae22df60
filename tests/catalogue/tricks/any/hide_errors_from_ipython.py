# Trick: hook IPython so that a failing cell reports neither an error output nor an error status.
_shell = get_ipython()
_run_cell_async = _shell.run_cell_async
_run_cell = _shell.run_cell


async def _quiet_async(*args, **kwargs):
    result = await _run_cell_async(*args, **kwargs)
    result.error_in_exec = None
    result.error_before_exec = None
    return result


def _quiet(*args, **kwargs):
    result = _run_cell(*args, **kwargs)
    result.error_in_exec = None
    result.error_before_exec = None
    return result


_shell.run_cell_async = _quiet_async
_shell.run_cell = _quiet
_shell.showtraceback = lambda *args, **kwargs: None
_shell.showsyntaxerror = lambda *args, **kwargs: None
