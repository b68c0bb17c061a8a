//! Allocations: delays, the leverage cap, membership.

use super::*;
use crate::Error;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;

fn allocate(operator: &AccountId, avs: u32, asset: RestakeAsset, percent: u32) -> sp_runtime::DispatchResult {
	Restaking::allocate(RuntimeOrigin::signed(operator.clone()), avs, asset, Perbill::from_percent(percent))
}

#[test]
fn increases_count_after_the_allocation_delay() {
	build_and_execute(|| {
		let operator = register(1);
		join(AVS_A, &operator);
		assert_ok!(allocate(&operator, AVS_A, STBST, 40));
		assert_eq!(Restaking::slashable_fraction(&operator, AVS_A, &STBST), Perbill::zero());
		advance(ALLOCATION_DELAY);
		assert_eq!(Restaking::slashable_fraction(&operator, AVS_A, &STBST), Perbill::from_percent(40));
	});
}

#[test]
fn decreases_stay_slashable_for_the_deallocation_delay() {
	build_and_execute(|| {
		let operator = allocated_operator(1, 60);
		assert_ok!(allocate(&operator, AVS_A, STBST, 10));
		advance(DEALLOCATION_DELAY - 1);
		assert_eq!(Restaking::slashable_fraction(&operator, AVS_A, &STBST), Perbill::from_percent(60));
		advance(1);
		assert_eq!(Restaking::slashable_fraction(&operator, AVS_A, &STBST), Perbill::from_percent(10));
	});
}

#[test]
fn the_leverage_cap_counts_every_avs() {
	build_and_execute(|| {
		let operator = allocated_operator(1, 70);
		join(AVS_B, &operator);
		assert_noop!(allocate(&operator, AVS_B, STBST, 31), Error::<Test>::LeverageExceeded);
		assert_ok!(allocate(&operator, AVS_B, STBST, 30));
		// A decrease in its delay still counts at its old fraction.
		assert_ok!(allocate(&operator, AVS_A, STBST, 10));
		assert_noop!(allocate(&operator, AVS_B, STBST, 40), Error::<Test>::LeverageExceeded);
		// With leverage allowed (200%), both may be high.
		MaxRestakeLeverage::set(200);
		assert_ok!(allocate(&operator, AVS_B, STBST, 100));
		assert_eq!(Restaking::allocated_ppb(&operator, &STBST), 1_700_000_000);
	});
}

#[test]
fn allocate_refuses_bad_input() {
	build_and_execute(|| {
		let operator = register(1);
		assert_noop!(allocate(&operator, AVS_A, STBST, 10), Error::<Test>::NotAvsMember);
		join(AVS_A, &operator);
		join(AVS_C, &operator);
		assert_noop!(allocate(&operator, AVS_C, STBST, 10), Error::<Test>::AvsRefused);
		set_avs_active(AVS_A, false);
		assert_noop!(allocate(&operator, AVS_A, STBST, 10), Error::<Test>::AvsRefused);
		set_avs_active(AVS_A, true);
		assert_noop!(allocate(&acc(1), AVS_A, STBST, 10), Error::<Test>::NotOperator);
		assert_noop!(allocate(&operator, AVS_A, STBST, 0), Error::<Test>::NoChange);
		assert_ok!(allocate(&operator, AVS_A, STBST, 10));
		assert_noop!(allocate(&operator, AVS_A, STBST, 10), Error::<Test>::NoChange);
	});
}

#[test]
fn a_frozen_operator_can_not_deallocate() {
	build_and_execute(|| {
		let operator = allocated_operator(1, 50);
		<Restaking as bastion_primitives::restaking::Restaking<_>>::freeze(&operator);
		assert_noop!(allocate(&operator, AVS_A, STBST, 10), Error::<Test>::OperatorFrozen);
		// Increases are fine.
		assert_ok!(allocate(&operator, AVS_A, STBST, 60));
	});
}

#[test]
fn deallocate_all_starts_the_delay_for_every_asset_of_the_avs() {
	build_and_execute(|| {
		let operator = allocated_operator(1, 50);
		assert_ok!(allocate(&operator, AVS_A, BST, 20));
		advance(ALLOCATION_DELAY);
		<Restaking as bastion_primitives::restaking::Restaking<_>>::deallocate_all(&operator, AVS_A);
		assert_eq!(Restaking::slashable_fraction(&operator, AVS_A, &STBST), Perbill::from_percent(50));
		advance(DEALLOCATION_DELAY);
		assert_eq!(Restaking::slashable_fraction(&operator, AVS_A, &STBST), Perbill::zero());
		assert_eq!(Restaking::slashable_fraction(&operator, AVS_A, &BST), Perbill::zero());
	});
}

#[test]
fn a_matured_decrease_frees_its_share_of_the_cap() {
	build_and_execute(|| {
		let operator = allocated_operator(1, 100);
		assert_ok!(allocate(&operator, AVS_A, STBST, 30));
		join(AVS_B, &operator);
		// Until the decrease matures, the old 100% counts.
		assert_noop!(allocate(&operator, AVS_B, STBST, 70), Error::<Test>::LeverageExceeded);
		advance(DEALLOCATION_DELAY);
		// Matured, and never written again: 30% counts.
		assert_ok!(allocate(&operator, AVS_B, STBST, 70));
		assert_noop!(allocate(&operator, AVS_C, BST, 1), Error::<Test>::NotAvsMember);
	});
}

#[test]
fn ended_allocations_make_room_for_new_ones() {
	build_and_execute(|| {
		let operator = register(1);
		let add_avs = |avs: u32| {
			AVSS.with(|a| a.borrow_mut().insert(avs, MockAvs { active: true, assets: vec![STBST], members: vec![] }));
			join(avs, &operator);
		};
		// `MaxAllocations` (8) pairs, 10% each.
		let avss: Vec<u32> = (100..108).collect();
		for avs in &avss {
			add_avs(*avs);
			assert_ok!(allocate(&operator, *avs, STBST, 10));
		}
		let new_avs = 108;
		add_avs(new_avs);
		assert_noop!(allocate(&operator, new_avs, STBST, 10), Error::<Test>::TooManyAllocations);

		// Three deallocated: slashable until their delay is over, so no room yet.
		advance(ALLOCATION_DELAY);
		for avs in &avss[..3] {
			assert_ok!(allocate(&operator, *avs, STBST, 0));
		}
		advance(DEALLOCATION_DELAY - 1);
		assert_noop!(allocate(&operator, new_avs, STBST, 10), Error::<Test>::TooManyAllocations);

		// Ended: the new pair takes the place of the three, the others stay.
		advance(1);
		assert_ok!(allocate(&operator, new_avs, STBST, 10));
		let list = crate::OperatorAllocations::<Test>::get(&operator);
		assert_eq!(list.len(), 6);
		for avs in &avss[..3] {
			assert!(!list.contains(&(*avs, STBST)));
			assert!(!crate::Allocations::<Test>::contains_key((&operator, *avs, STBST)));
		}
		for avs in avss[3..].iter().chain([new_avs].iter()) {
			assert!(list.contains(&(*avs, STBST)));
		}
	});
}

#[test]
fn allocated_avss_are_the_ones_that_may_slash_now() {
	build_and_execute(|| {
		use bastion_primitives::restaking::Restaking as _;
		let operator = allocated_operator(1, 50);
		join(AVS_B, &operator);
		assert_ok!(allocate(&operator, AVS_A, BST, 20));
		assert_ok!(allocate(&operator, AVS_B, STBST, 20));
		// B's increase is not in force yet; A counts once for its two pools.
		assert_eq!(Restaking::allocated_avss(&operator), vec![AVS_A]);
		advance(ALLOCATION_DELAY);
		assert_eq!(Restaking::allocated_avss(&operator), vec![AVS_A, AVS_B]);
		// A deallocation in its delay still counts.
		Restaking::deallocate_all(&operator, AVS_A);
		assert_eq!(Restaking::allocated_avss(&operator), vec![AVS_A, AVS_B]);
		advance(DEALLOCATION_DELAY);
		assert_eq!(Restaking::allocated_avss(&operator), vec![AVS_B]);
	});
}
