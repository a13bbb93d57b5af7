package shell

import "testing"

// TestDirCacheDir checks where gosh stores directory listings, and that
// GOSH_DIRCACHE turns it off.
func TestDirCacheDir(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"}, "/x/cache/gosh/dirs"},
		{map[string]string{"XDG_CACHE_HOME": "rel/cache", "HOME": "/home/u"}, "/home/u/.cache/gosh/dirs"},
		{map[string]string{"HOME": "/home/u"}, "/home/u/.cache/gosh/dirs"},
		{map[string]string{"HOME": "/home/u", "GOSH_DIRCACHE": "on"}, "/home/u/.cache/gosh/dirs"},
		{map[string]string{"HOME": "/home/u", "GOSH_DIRCACHE": "off"}, ""},
		{map[string]string{"XDG_CACHE_HOME": "/x/cache", "GOSH_DIRCACHE": "0"}, ""},
		{map[string]string{"HOME": "rel"}, ""},
		{map[string]string{}, ""},
	}
	for _, tc := range cases {
		if got := dirCacheDir(func(name string) string { return tc.env[name] }); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.env, got, tc.want)
		}
	}
}
