//! The correlated-risk cap: however many AVSs slash an operator, no pool loses more than
//! `MaxOperatorSlashPerWindow` within any `CapWindow` blocks.

use super::*;
use crate::CapLedger;

/// Percent of the original 1,000 stBST the pool of `operator` lost, in parts per billion.
fn lost_ppb(operator: AccountId) -> u128 {
	let left = pool(operator, &STBST).active_assets;
	(1_000 * UNIT - left) * 1_000_000_000 / (1_000 * UNIT)
}

#[test]
fn three_avss_in_one_window_take_no_more_than_the_cap() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_A, 100), (AVS_B, 100), (AVS_C, 100)]);
		let a = request(AVS_A, operator, 30, 1);
		let b = request(AVS_B, operator, 30, 1);
		let c = request(AVS_C, operator, 30, 1);
		advance(VETO_WINDOW + 1);

		let a = of(&executed(a).unwrap(), &STBST);
		assert_eq!((a.applied, a.capped), (Perbill::from_percent(30), Perbill::zero()));
		assert_eq!(a.active, 300 * UNIT);
		// 70% left: B may take what leaves 50% of the original: 2/7 of the rest.
		let b = of(&executed(b).unwrap(), &STBST);
		assert_eq!(b.requested, Perbill::from_percent(30));
		assert_eq!(b.applied, Perbill::from_parts(285_714_285));
		assert_eq!(b.capped, Perbill::from_parts(14_285_715));
		// Nothing left for C: all capped, recorded in its event.
		let c = of(&executed(c).unwrap(), &STBST);
		assert_eq!((c.applied, c.capped, c.active), (Perbill::zero(), Perbill::from_percent(30), 0));

		let lost = lost_ppb(operator);
		assert!(lost <= 500_000_000, "lost {lost} ppb");
		assert!(lost >= 499_999_000, "lost {lost} ppb");
		assert!(FakeRestaking::value(ALICE, operator, &STBST) >= 300 * UNIT);
		assert!(FakeRestaking::value(BOB, operator, &STBST) >= 200 * UNIT);
		// The same for the BST pool.
		assert!(pool(operator, &BST).active_assets >= 500 * UNIT);
	});
}

#[test]
fn the_cap_is_per_pool() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_C, 100)]);
		FakeRestaking::set_allocation(operator, AVS_C, BST, Perbill::from_percent(10));
		let first = request(AVS_C, operator, 50, 1);
		let second = request(AVS_C, operator, 50, 2);
		advance(VETO_WINDOW);
		let first = executed(first).unwrap();
		assert_eq!(of(&first, &STBST).applied, Perbill::from_percent(50));
		assert_eq!(of(&first, &BST).applied, Perbill::from_percent(5));
		// The stBST pool has reached the cap; the BST pool has not.
		let second = executed(second).unwrap();
		assert_eq!(of(&second, &STBST).applied, Perbill::zero());
		assert_eq!(of(&second, &STBST).capped, Perbill::from_percent(50));
		assert_eq!(of(&second, &BST).applied, Perbill::from_percent(5));
		assert_eq!(pool(operator, &STBST).active_assets, 500 * UNIT);
		assert_eq!(pool(operator, &BST).active_assets, 1_000 * UNIT * 95 / 100 * 95 / 100);
	});
}

#[test]
fn the_cap_window_slides() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_C, 100)]);
		// Executed at block 11: 50%.
		request(AVS_C, operator, 50, 1);
		// Executed at block 110: 99 blocks later, still in the window: all capped.
		run_to_block(CAP_WINDOW);
		let inside = request(AVS_C, operator, 50, 2);
		// Executed at block 111: the first slash has left the window.
		run_to_block(CAP_WINDOW + 1);
		let outside = request(AVS_C, operator, 50, 3);
		run_to_block(CAP_WINDOW + 1 + VETO_WINDOW);
		assert_eq!(of(&executed(inside).unwrap(), &STBST).applied, Perbill::zero());
		assert_eq!(of(&executed(outside).unwrap(), &STBST).applied, Perbill::from_percent(50));
		assert_eq!(pool(operator, &STBST).active_assets, 250 * UNIT);
	});
}

#[test]
fn no_span_of_the_window_loses_more_than_the_cap_whatever_its_start() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_C, 100)]);
		// 25% at block 11, 25% at block 60, then 50% asked at block 111 (the first left).
		request(AVS_C, operator, 25, 1);
		run_to_block(50);
		request(AVS_C, operator, 25, 2);
		run_to_block(CAP_WINDOW + 1);
		let last = request(AVS_C, operator, 50, 3);
		run_to_block(CAP_WINDOW + 1 + VETO_WINDOW);
		// Blocks 60..=159 may lose 50%: 25% then a third of the rest.
		let last = of(&executed(last).unwrap(), &STBST);
		assert_eq!(last.applied, Perbill::from_parts(333_333_333));
		// A fixed window starting at block 101 would have allowed the whole 50%.
		assert_eq!(last.capped, Perbill::from_parts(166_666_667));
	});
}

#[test]
fn the_cap_ledger_merges_old_slashes_but_never_loosens() {
	build_and_execute(|| {
		let operator = operator_with_stake(1, &[(AVS_C, 100)]);
		// Twelve 5% slashes in 44 blocks: the ledger keeps 8 entries.
		for round in 0..4u32 {
			for k in 0..3u32 {
				request(AVS_C, operator, 5, round * 3 + k);
			}
			advance(VETO_WINDOW + 1);
		}
		let ledger = CapLedger::<Test>::get(operator, STBST);
		assert_eq!(ledger.len(), 8);
		// 1 - 0.95^12, counted a little high by rounding.
		let counted = CrossSlashing::slashed_in_window(&ledger).deconstruct();
		assert!((459_639_000..=459_640_000).contains(&counted), "{counted}");
		let last = request(AVS_C, operator, 50, 99);
		advance(VETO_WINDOW);
		let last = of(&executed(last).unwrap(), &STBST);
		assert!(last.applied > Perbill::zero() && last.capped > Perbill::zero());
		assert!(lost_ppb(operator) <= 500_000_000 + 1, "{}", lost_ppb(operator));
	});
}
