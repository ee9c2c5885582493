package api

import (
	"github.com/gofiber/fiber/v2"

	"hoithi/contests"
	"hoithi/contests/quiz"
)

// mayEnterEssay applies the quizzes' eligibility rule to an essay contest:
// the author's unit lies within the contest's units, and the author is not
// one of its organizers, secretaries or judges (over the owning unit or
// inside it). Checked before the upload is read.
func mayEnterEssay(c *fiber.Ctx, ct *contests.Contest) error {
	cl := claimsOf(c)
	if cl == nil {
		return errUnauthorized
	}
	if quiz.DefaultSettings().Excludes(cl.Grants, ct.OwnerUnitPath) {
		return contests.E(contests.CodeForbidden, contests.T(
			"Thành viên ban tổ chức, tổ thư ký và ban giám khảo không được dự thi", "Organizers, secretaries and judges may not compete"))
	}
	if !(contests.Grant{UnitPath: ct.EligibleUnitPath}).Covers(cl.UnitPath) {
		return contests.E(contests.CodeForbidden, contests.T(
			"Đơn vị của bạn không thuộc phạm vi cuộc thi này", "Your unit is not part of this contest"))
	}
	return nil
}
