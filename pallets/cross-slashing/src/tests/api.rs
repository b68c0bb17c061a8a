//! The functions behind `SlashingApi`, and `PendingSlashes`.

use super::*;
use bastion_primitives::{
	restaking::{PendingSlashes, SlashDestination},
	slashing::{PoolSlashStatus, SlashOutcome},
};
use frame_support::assert_ok;

#[test]
fn pending_slashes_are_listed_by_executable_block() {
	build_and_execute(|| {
		let first = operator_with_stake(1, &[(AVS_A, 50), (AVS_B, 50)]);
		let second = operator_with_stake(2, &[(AVS_A, 50)]);
		FakeRegistry::mutate_terms(AVS_B, |t| t.veto_window = 3);
		let a = request(AVS_A, first, 10, 1);
		let b = request(AVS_B, first, 10, 1);
		let c = request(AVS_A, second, 20, 2);

		let all = CrossSlashing::pending_slashes(None);
		assert_eq!(all.iter().map(|p| p.id).collect::<Vec<_>>(), vec![b, a, c]);
		assert_eq!(all[0].executable_at, 4);
		assert_eq!(all[1].executable_at, 11);
		assert!(all.iter().all(|p| p.auto_execute));
		assert_eq!(all[2].operator, second);
		assert_eq!(all[2].evidence, evidence(2));
		assert_eq!(all[2].allocations, vec![(STBST, Perbill::from_percent(50)), (BST, Perbill::from_percent(50))]);
		assert_eq!(all[2].destination, SlashDestination::Account(FUND_A));
		let of_second = CrossSlashing::pending_slashes(Some(second));
		assert_eq!(of_second.len(), 1);
		assert_eq!(of_second[0].id, c);
		assert!(CrossSlashing::pending_slashes(Some(op(9))).is_empty());
	});
}

#[test]
fn the_history_shows_every_amount() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50)]);
		let vetoed = request(AVS_A, operator, 10, 1);
		assert_ok!(CrossSlashing::veto_slash(RuntimeOrigin::signed(COMMITTEE_A), vetoed));
		let done = request(AVS_A, operator, 10, 2);
		advance(VETO_WINDOW);
		let history = CrossSlashing::slash_history(&operator);
		assert_eq!(history.len(), 2);
		assert_eq!(history[0].id, vetoed);
		assert_eq!(history[0].outcome, SlashOutcome::Vetoed);
		assert_eq!(history[1].id, done);
		assert_eq!(history[1].resolved_at, 1 + VETO_WINDOW);
		let SlashOutcome::Executed { pools } = &history[1].outcome else { panic!("executed") };
		assert_eq!(*pools, executed(done).unwrap());
		assert!(CrossSlashing::slash_history(&op(9)).is_empty());
	});
}

#[test]
fn capacity_shows_what_the_window_has_left() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_C, 100)]);
		FakeRestaking::set_allocation(operator, AVS_C, BST, Perbill::from_percent(10));
		let full = CrossSlashing::slash_capacity(&operator);
		assert_eq!(full.len(), 2);
		assert!(full.iter().all(|c| c.remaining == Perbill::from_percent(50) && c.frees_at.is_none()));
		request(AVS_C, operator, 30, 1);
		advance(VETO_WINDOW);
		let capacity = CrossSlashing::slash_capacity(&operator);
		let stbst = capacity.iter().find(|c| c.asset == STBST).unwrap();
		assert_eq!(stbst.slashed_in_window, Perbill::from_percent(30));
		assert_eq!(stbst.remaining, Perbill::from_parts(285_714_285));
		assert_eq!(stbst.frees_at, Some(1 + VETO_WINDOW + CAP_WINDOW));
		let bst = capacity.iter().find(|c| c.asset == BST).unwrap();
		assert_eq!(bst.slashed_in_window, Perbill::from_percent(3));
		// Once the window has passed, everything is back.
		run_to_block(1 + VETO_WINDOW + CAP_WINDOW);
		assert!(CrossSlashing::slash_capacity(&operator).iter().all(|c| c.remaining == Perbill::from_percent(50)));
	});
}

#[test]
fn a_dry_run_shows_what_a_slash_would_take_now() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_C, 100)]);
		FakeRestaking::set_allocation(operator, AVS_C, BST, Perbill::from_percent(10));
		FakeRestaking::undelegate(BOB, operator, STBST, 100 * UNIT).unwrap();
		request(AVS_C, operator, 40, 1);
		advance(VETO_WINDOW);
		// 40% of 1,000 taken; a slash of 30% now: 30% asked, 10/60 of the rest allowed.
		let preview = CrossSlashing::slash_preview(AVS_C, &operator, Perbill::from_percent(30)).unwrap();
		let stbst = of(&preview, &STBST);
		assert_eq!(stbst.requested, Perbill::from_percent(30));
		assert_eq!(stbst.applied, Perbill::from_parts(166_666_666));
		assert_eq!(stbst.capped, Perbill::from_parts(133_333_334));
		assert_eq!(stbst.status, PoolSlashStatus::ToDestination);
		let bst = of(&preview, &BST);
		assert_eq!(bst.requested, Perbill::from_percent(3));
		// Executed, it takes exactly that.
		let id = request(AVS_C, operator, 30, 2);
		advance(VETO_WINDOW);
		assert_eq!(executed(id).unwrap(), preview);
		// Unknown AVS, or above its limit: no answer.
		assert!(CrossSlashing::slash_preview(99, &operator, Perbill::from_percent(1)).is_none());
		assert!(CrossSlashing::slash_preview(AVS_B, &operator, Perbill::from_percent(31)).is_none());
		// An AVS it allocates nothing to: nothing taken.
		assert_eq!(CrossSlashing::slash_preview(AVS_A, &operator, Perbill::from_percent(10)), Some(vec![]));
	});
}

#[test]
fn pending_slashes_answers_the_registry() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 50), (AVS_B, 50)]);
		assert!(!CrossSlashing::avs_has_pending(AVS_A) && !CrossSlashing::operator_has_pending(&operator));
		let a = request(AVS_A, operator, 10, 1);
		let b = request(AVS_B, operator, 10, 1);
		assert!(CrossSlashing::avs_has_pending(AVS_A) && CrossSlashing::avs_has_pending(AVS_B));
		assert_ok!(CrossSlashing::veto_slash(RuntimeOrigin::root(), b));
		assert!(!CrossSlashing::avs_has_pending(AVS_B));
		assert!(CrossSlashing::operator_has_pending(&operator));
		advance(VETO_WINDOW);
		assert!(executed(a).is_some());
		assert!(!CrossSlashing::avs_has_pending(AVS_A) && !CrossSlashing::operator_has_pending(&operator));
	});
}
