// (this file is new in the pull request)
