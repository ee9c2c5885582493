// Package contests is the domain of Hội Thi: the types every other package
// speaks (users, units, contests) and the pure rules of quiz and essay
// contests. It performs no I/O and imports nothing of ours, so every rule can
// be table-tested in isolation and reused by both storage engines.
package contests
