// Package contests is the domain of Hội Thi: the types every other package
// speaks (users, units, contests) and the pure rules of quiz and essay
// contests. It performs no I/O and imports nothing of ours, so every rule can
// be table-tested in isolation and reused by both storage engines. The rules
// and their sources are in docs/domain.md.
//
// # Glossary
//
// One word per concept, in code, comments, messages and docs:
//
//   - contest (cuộc thi): a quiz contest or an essay contest, owned by a unit.
//   - unit (đơn vị): a node of the unit tree (province, ward or commune,
//     grass-roots unit); a unit path names it with its ancestors.
//   - round (đợt thi): a period of a quiz contest, usually a week, with its
//     own opening and closing instant (quiz.Round). Only ever a quiz round.
//   - judging round (vòng chấm): a stage of essay judging — preliminary
//     (sơ khảo) or final (chung khảo) — with its rubric and panels
//     (essay.Round). Never just "round" in prose about essays.
//   - attempt (lượt thi): one try at a round's paper; participation (lượt
//     tham gia): one person's record of a round, holding every attempt.
//   - paper (đề thi): the questions drawn for one attempt from the bank
//     (ngân hàng câu hỏi) by the round's blueprint.
//   - prediction (câu hỏi dự đoán): the tie-break question of a round.
//   - standing (kết quả): one person's line in a round's published results.
//   - work (tác phẩm, bài dự thi): what an author enters in an essay
//     contest (essay.Work). We say "work", never "entry"; "entry" means only
//     an entry of the audit log.
//   - identity sheet (phiếu thông tin tác giả): who wrote a work, kept apart
//     from it (essay.Identity); judges never reach it.
//   - anonymous code (mã phách): the random code judges know a work by;
//     receipt (biên nhận): the number its author gets at submission.
//   - screening (phạm quy check): the secretariat's accept or reject of a
//     work before judging.
//   - score sheet (phiếu chấm): one judge's scores for one work in one
//     judging round (essay.Score); a seat is a judge's place on a work.
//   - panel (tiểu ban): the judges of one category in a judging round.
//   - forwarding: sending a judging round's best works to the contest one
//     level up, where each becomes a new work.
package contests
