package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/icp/icptest"
	"github.com/icpkit/icpkit/material"
)

func runArgs(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestSample(t *testing.T) {
	code, out, _ := runArgs(t, "", "-date", "2026-11-26")
	assert.Equal(t, 1, code, "the sample has errors")
	assert.Contains(t, out, "ICP 备案预检：杭州示例网络科技有限公司")
	assert.Contains(t, out, "sites[1].domains[0]", "the sub-domain is reported with its path")
	assert.Contains(t, out, "理财", "the pre-approval keyword is named")
	assert.Contains(t, out, "materials[3].path", "李四's small greyscale photo is inspected")
	assert.Contains(t, out, "✗")
	assert.NotContains(t, out, "330106198503071238", "no full ID number in the output")
	assert.NotContains(t, out, "sites[0].", "the first site is clean")

	code, out, _ = runArgs(t, "", "-date", "2026-11-26", "-lang", "en")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "file the registrable domain example.cn")

	code, out, _ = runArgs(t, "", "-date", "2026-11-26", "-json")
	assert.Equal(t, 1, code)
	var rep struct {
		OK       bool `json:"ok"`
		Findings []struct {
			Code, Severity, Field string
		} `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.False(t, rep.OK)
	assert.NotEmpty(t, rep.Findings)
}

func TestProfiles(t *testing.T) {
	for _, p := range []string{"default", "alibaba", "tencent", "huawei"} {
		code, _, _ := runArgs(t, "", "-date", "2026-11-26", "-profile", p)
		assert.Equal(t, 1, code, p)
	}
	code, _, errs := runArgs(t, "", "-profile", "acme")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "unknown -profile")
}

func TestOwnFileAndStdin(t *testing.T) {
	// A clean application: the sample's first site only, with its materials
	// written next to the JSON file.
	var app map[string]any
	require.NoError(t, json.Unmarshal(sample, &app))
	app["sites"] = app["sites"].([]any)[:1]
	app["materials"] = app["materials"].([]any)[:3]
	dir := t.TempDir()
	b, _ := json.Marshal(app)
	path := filepath.Join(dir, "app.json")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "licence.png"), icptest.PNG(icptest.Image{Width: 3508, Height: 2481, DPI: 300, DPISource: material.PHYs, Colour: material.Palette}), 0o644))
	for _, n := range []string{"zhangsan-front.png", "zhangsan-back.png"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), icptest.PNG(icptest.Image{Width: 1100, Height: 700, DPI: 300, DPISource: material.PHYs, Colour: material.Palette}), 0o644))
	}
	code, out, errs := runArgs(t, "", "-date", "2026-11-26", path)
	assert.Equal(t, 0, code, "%s%s", out, errs)
	assert.Contains(t, out, "错误 0")

	// From standard input, material paths resolve against the working
	// folder, where these files are not: they are reported.
	code, out, _ = runArgs(t, string(b), "-date", "2026-11-26", "-")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "materials[0].path")
}

func TestUnusableInput(t *testing.T) {
	tests := []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"bad JSON", "{", []string{"-"}, "JSON syntax"},
		{"unknown field names its path", `{"filing_type":"first_filing","sites":[{"colour":"red"}]}`, []string{"-"}, "sites[0].colour"},
		{"bad enum names its path", `{"filing_type":"first_filing","subject":{"kind":"company"}}`, []string{"-"}, "subject.kind"},
		{"missing file", "", []string{"/nonexistent/app.json"}, "no such file"},
		{"bad date", "", []string{"-date", "26/11/2026"}, "want YYYY-MM-DD"},
		{"bad language", "", []string{"-lang", "fr"}, "unknown -lang"},
		{"two files", "", []string{"a.json", "b.json"}, "usage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runArgs(t, tt.stdin, tt.args...)
			assert.Equal(t, 2, code)
			assert.Contains(t, errs, tt.want)
		})
	}
}

func TestDirOpenerStaysInside(t *testing.T) {
	_, err := dirOpener(t.TempDir())("../etc/passwd")
	assert.Error(t, err)
	_, err = dirOpener(t.TempDir())("/etc/passwd")
	assert.Error(t, err)
}

// TestFlagsAnywhere: flags may follow the file, -h exits 0, and an English
// run prints no Chinese outside the user's own data.
func TestFlagsAnywhere(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.json")
	require.NoError(t, os.WriteFile(path, sample, 0o644))
	code, out, errs := runArgs(t, "", path, "-lang", "en", "-date", "2026-11-26")
	assert.NotEqual(t, 2, code, errs)
	assert.Contains(t, out, "ICP filing pre-check")
	assert.Regexp(t, `\d+ errors?, \d+ warnings?, \d+ notes? \(`, out)
	code, _, _ = runArgs(t, "", "-h")
	assert.Equal(t, 0, code, "-h is not an error")
}
