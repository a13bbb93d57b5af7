package shell

// The listings of big directories that gosh completes in are kept on
// disk as well as in memory (completion.DirCache.Persist), so that a new
// shell whose first TAB comes at once, before its prompt-time prefetch
// could read the directory, finds the listing in a few milliseconds
// instead of waiting tens of milliseconds for the kernel to list 100,000
// entries. They are kept in the user's own cache directory, readable by
// the user only: a listing shows what a directory holds. The directory
// is chosen from the environment gosh starts with, since the cache is
// shared by the whole process; GOSH_DIRCACHE=off (or 0) there keeps
// listings in memory only.

// dirCacheEnv is the environment variable that turns the stored listings
// off.
const dirCacheEnv = "GOSH_DIRCACHE"

// dirCacheDir returns where gosh stores directory listings:
// $XDG_CACHE_HOME/gosh/dirs, else ~/.cache/gosh/dirs; "" (none) when
// GOSH_DIRCACHE is off or 0, or there is no home.
func dirCacheDir(getenv func(string) string) string {
	if v := getenv(dirCacheEnv); v == "off" || v == "0" {
		return ""
	}
	return goshCacheDir(getenv, "dirs")
}
