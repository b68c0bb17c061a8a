//! `PendingSlashes`: what the registry (before an AVS deregisters) and others ask of this
//! pallet.

use crate::{pallet::*, AvsId};
use bastion_primitives::restaking::PendingSlashes;

impl<T: Config> PendingSlashes<T::AccountId> for Pallet<T> {
	fn avs_has_pending(avs: AvsId) -> bool {
		AvsPending::<T>::contains_key(avs)
	}

	fn operator_has_pending(operator: &T::AccountId) -> bool {
		OperatorPending::<T>::contains_key(operator)
	}
}
