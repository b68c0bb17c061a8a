// Helpers shared by the client tests: connecting, sending a transaction and waiting for it,
// and assertions that name what failed.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

// Bastion's own JSON-RPC methods (the runtime APIs behind them come with the metadata).
const at = { name: 'at', type: 'Hash', isOptional: true };
export const rpc = {
  liquidStaking: {
    rate: { description: 'BST per stBST', params: [at], type: 'Text' },
    poolSummary: { description: 'The pool at a glance', params: [at], type: 'Json' },
    unlockRequests: {
      description: "An account's unlock requests",
      params: [{ name: 'who', type: 'AccountId' }, at],
      type: 'Vec<LiquidStakingUnlockRequest>',
    },
    valueOf: { description: 'BST value of stBST', params: [{ name: 'shares', type: 'Text' }, at], type: 'Text' },
  },
};

// The shapes of their JSON results that are not plain objects.
export const types = {
  LiquidStakingUnlockRequest: {
    id: 'u64',
    era: 'u32',
    claimableEra: 'Option<u32>',
    claimable: 'bool',
    value: 'Text',
  },
};

export async function connect(url) {
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, rpc, types });
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return { api, keyring };
}

export function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

// Sends `tx` signed by `signer` and resolves with its events once it is in a block; rejects
// with the decoded module error if it failed.
export function send(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        unsub();
        if (dispatchError.isModule) {
          const { section, name } = api.registry.findMetaError(dispatchError.asModule);
          reject(new Error(`${section}.${name}`));
        } else {
          reject(new Error(dispatchError.toString()));
        }
        return;
      }
      if (status.isInBlock) {
        unsub();
        resolve({ blockHash: status.asInBlock, events });
      }
      if (status.isDropped || status.isInvalid || status.isUsurped) {
        unsub();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

// Resolves when `predicate(header)` holds for a new finalized head, or rejects after
// `timeoutMs`.
export function waitForFinalized(api, predicate, timeoutMs) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    const timer = setTimeout(() => { unsub(); reject(new Error('timed out waiting for finality')); }, timeoutMs);
    api.rpc.chain.subscribeFinalizedHeads((header) => {
      if (predicate(header)) {
        clearTimeout(timer);
        unsub();
        resolve(header);
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

// Runs named test steps in order, printing each outcome; exits non-zero on the first failure.
export async function runSteps(name, steps) {
  let failed = false;
  for (const [title, step] of steps) {
    const started = Date.now();
    try {
      await step();
      console.log(`  ok    ${title} (${Date.now() - started} ms)`);
    } catch (e) {
      console.log(`  FAIL  ${title}: ${e.message}`);
      failed = true;
      break;
    }
  }
  console.log(`${name}: ${failed ? 'FAILED' : 'passed'}`);
  return !failed;
}
