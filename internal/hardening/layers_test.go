package hardening

import (
	"go/build"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLayers pins the dependency direction of DESIGN.md: province ← subject
// ← icp and material ← icp, with province and material importing no public
// package of ours (material imports no package of ours at all, so that it
// can be lifted out on its own).
func TestLayers(t *testing.T) {
	const mod = "github.com/icpkit/icpkit/"
	allowed := map[string][]string{
		"province": {"internal/norm", "internal/tsv"},
		"material": nil,
		"subject":  {"province", "internal/norm", "internal/tsv"},
		"icp":      {"province", "subject", "material", "internal/norm", "internal/tsv"},
	}
	for pkg, ok := range allowed {
		p, err := build.ImportDir(filepath.Join("..", "..", pkg), 0)
		require.NoError(t, err, pkg)
		for _, imp := range p.Imports {
			if rest, ours := strings.CutPrefix(imp, mod); ours {
				assert.True(t, slices.Contains(ok, rest), "%s imports %s, against the layering of DESIGN.md", pkg, rest)
			}
		}
	}
}
