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
// can be lifted out on its own). Inside icp: icp/domain, icp/content and
// icp/workday are leaves that icp builds on; icp/audit and icp/refile build on icp, and icp
// imports neither.
func TestLayers(t *testing.T) {
	const mod = "github.com/icpkit/icpkit/"
	allowed := map[string][]string{
		"province": {"internal/norm", "internal/tsv"},
		"material": nil,
		"subject":  {"province", "internal/norm", "internal/tsv"},
		"icp": {"province", "subject", "material", "icp/content", "icp/domain", "icp/number", "icp/workday",
			"internal/catalog", "internal/jsonx", "internal/norm", "internal/opt", "internal/tsv"},
		"icp/domain":  {"province", "internal/norm", "internal/tsv"},
		"icp/content": {"internal/tsv"},
		"icp/number":  {"province", "internal/catalog", "internal/norm"},
		"icp/workday": {"internal/norm", "internal/tsv"},
		"icp/audit":   {"icp", "province", "internal/catalog", "internal/norm", "internal/opt"},
		"icp/refile": {"icp", "icp/domain", "province", "subject", "material",
			"internal/catalog", "internal/jsonx", "internal/norm", "internal/opt"},
		"internal/opt":     {"icp/content", "icp/domain", "province", "subject"},
		"internal/catalog": {"internal/tsv"},
		"internal/jsonx":   {"internal/norm"},
		"internal/corpus":  nil,
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
