"""JupyterHub for the course on one machine, on loopback: `make hub` (autograders/classroom.py).

Accounts: one instructor and a few students, logging in with one shared password (JupyterHub's
SharedPasswordAuthenticator); each account's server is JupyterLab with nbgrader, started by
JupyterHub's SimpleLocalProcessSpawner in a home folder of its own under build/hub/home. Neither
needs system accounts or the internet: right for trying the course and for its tests, not for a
real class (README: "Putting the course on an existing hub"). What every account's Jupyter shows
is set by the config folders `autograders.classroom.Hub.prepare` wrote into those homes.
"""

import os
import sys
from pathlib import Path

from autograders.classroom import MATHJAX_DIR, NODE_MODULES, MathJaxFiles, hub_settings

c = get_config()  # noqa: F821 (provided by traitlets when JupyterHub loads this file)
hub = hub_settings()
root = Path(hub["root"])

# Loopback only: the public port, the hub's own API, the proxy's API.
c.JupyterHub.bind_url = f"http://127.0.0.1:{hub['port']}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = hub["hub_port"]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{hub['proxy_api_port']}"
c.ConfigurableHTTPProxy.command = [str(NODE_MODULES / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(root / "jupyterhub-proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{root / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(root / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every account's server

c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = hub["password"]
c.Authenticator.allowed_users = {hub["instructor"], *hub["students"]}

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(root / "home" / "{username}")
c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
c.Spawner.args = ["--allow-root"] if os.getuid() == 0 else []
c.Spawner.default_url = "/lab"
c.Spawner.environment = {
    "PATH": os.environ["PATH"],  # the course's venv first: nbgrader starts alembic from PATH
    "JUPYTER_PATH": hub["jupyter_path"],  # nbconvert's MathJax macro, from the hub (autograders/classroom.py)
}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# MathJax for formgrader and feedback pages, served by the hub itself at /hub/mathjax/ to every
# account (no CDN, no login needed): tornado's static file handler on the npm package `mathjax`.
c.JupyterHub.extra_handlers = [(r"/mathjax/(.*)", MathJaxFiles, {"path": str(MATHJAX_DIR)})]
