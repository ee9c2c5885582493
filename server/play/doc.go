// Package play is the quiz's play machinery, apart from HTTP: the cache of
// rounds with their compiled papers that the hot path (start, answer,
// submit) reads instead of the store, the optimistic read-change-write of a
// person's participation record, and the sweeper that finalizes attempts
// whose deadline passed with nobody submitting them.
//
// The rules themselves are in contests/quiz (Participation.Start, SaveAnswer,
// Submit, Expire); play loads what they need, calls them and writes the
// result under the store's version check. server/api's quiz handlers bind a
// request, call play, and shape the answer.
//
// Several instances are one server. What each piece keeps in a process and
// why that is safe with N instances on one MongoDB is said at each type;
// the places where cross-instance coherence and leases belong are marked
// "Scale-out seam".
package play
