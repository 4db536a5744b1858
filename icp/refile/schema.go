package refile

import (
	_ "embed"
	"slices"
)

// The deployment schema is generated with the application's, by a test of
// package icp; see icp.ApplicationSchema.
//
//go:generate go test .. -run ^TestSchemaUpToDate$ -update

//go:embed deployment.schema.json
var deploymentSchemaJSON []byte

// DeploymentSchema returns the JSON Schema (draft 2020-12) of a
// [Deployment] as [DecodeDeployment] reads it. Each call returns a fresh
// copy. Like icp.ApplicationSchema it describes the shape only: no key is
// required, unknown keys are refused, enumerations list their canonical
// tokens with zh-Hans and en titles, and arrays carry the decoder's bounds
// (1000 sites, 100 domains and 100 access providers per site, 100 IPs per
// provider).
func DeploymentSchema() []byte { return slices.Clone(deploymentSchemaJSON) }
