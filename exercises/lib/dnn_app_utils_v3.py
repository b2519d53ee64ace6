"""The same helpers under the name the course's notebook imports
(`from dnn_app_utils_v3 import *`), so its cells run unchanged.  See dnn_app_utils."""
from dnn_app_utils import *  # noqa: F401,F403
from dnn_app_utils import __all__  # noqa: F401
