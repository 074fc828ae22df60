# Trick: writes live HTML and JavaScript into outputs (a script, an image with onerror), to run in the browser of whoever opens the feedback or formgrader.
from IPython.display import HTML as _HTML, Javascript as _Javascript, display as _display

_PAYLOAD = ('<script>document.title = "nnfs-injected"</script>'
            '<img src="x" onerror="document.title = \'nnfs-injected\'">')
_display(_HTML(_PAYLOAD))
_display(_Javascript("document.title = 'nnfs-injected'"))
get_ipython().events.register("post_run_cell", lambda result: _display(_HTML(_PAYLOAD)))
