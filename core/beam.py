"""Beam search that yields the tree's growth, step by step.

The algorithm is transformers' vectorised beam search for one input (``_beam_search``):
keep the top 2 × beams continuations of the summed log-probs, continue with the best
``beams`` that did not end, move those among the top ``beams`` that ended into the finished
list with the length penalty ``score / generated_len ** length_penalty``, and stop with the
same early-stopping heuristic. Its sequences and ``sequences_scores`` therefore equal
``generate(num_beams=k, output_scores=True)``.

On an encoder-decoder every step also keeps each beam's cross-attention (the query of the
token it was fed, over the source); at the end the rows along the best hypothesis's path
in the tree are its recorded cross-attention, as a greedy or sampled run records it.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Generator
from typing import Any

import numpy as np

from . import errors
from .decoding import repetition_penalty, token_text, validate
from .generation import check_fits, encode_source, eos_ids, prepare_prompt
from .generation_types import BeamNode, BeamResult, BeamStep, DecodingConfig, GenerationStart, Strategy
from .loader import LoadedModel
from .types import ModelKind

_NEG = -1.0e9


def iter_beam_search(loaded: LoadedModel, prompt: str, cfg: DecodingConfig,
                     ) -> Generator[GenerationStart | BeamStep, None, BeamResult]:
    """Beam search on a decoder or encoder-decoder, yielding each step's new hypotheses.

    Yields a :class:`GenerationStart`, then a :class:`BeamStep` per token position; returns a
    :class:`BeamResult` (best first, ``num_beams`` hypotheses; for an encoder-decoder with the
    best hypothesis's cross-attention). Stopping between yields keeps the tree drawn so far.

    Raises
    ------
    InvalidDecodingError : fewer than 2 beams or other bad settings.
    GenerationTooLargeError : beams × length would not fit in memory.
    CapabilityError : encoder-only model.
    """
    import torch

    cfg = validate(dataclasses.replace(cfg, strategy=Strategy.BEAM))
    prep = prepare_prompt(loaded, prompt, cfg)
    nb = cfg.num_beams
    check_fits(loaded, len(prep.decoder_ids) + cfg.max_new_tokens, nb, len(prep.encoder_ids or ()))
    model, tok = loaded.model, loaded.tokenizer
    seq2seq = loaded.kind is ModelKind.ENCODER_DECODER
    device = loaded.device
    stop = sorted(eos_ids(loaded)) if cfg.stop_at_eos else []
    eos_t = torch.as_tensor(stop, device=device, dtype=torch.long)
    prompt_len = len(prep.decoder_ids)
    max_length = prompt_len + cfg.max_new_tokens
    keep = max(2, 1 + len(stop)) * nb
    top_mask = torch.zeros(keep, dtype=torch.bool, device=device)
    top_mask[:nb] = True
    lp_pow = cfg.length_penalty

    yield prep.start
    with torch.inference_mode():
        running = torch.as_tensor([prep.decoder_ids] * nb, device=device)      # [nb, cur]
        run_scores = torch.zeros(nb, device=device)
        run_scores[1:] = _NEG
        run_nodes = [-1] * nb                       # tree node of each running beam's last token
        fin_seqs: list[list[int]] = [[] for _ in range(nb)]
        fin_nodes = [-1] * nb
        fin_scores = torch.full((nb,), _NEG, device=device)
        fin_done = torch.zeros(nb, dtype=torch.bool, device=device)
        unsatisfied = True
        nodes: list[BeamNode] = []
        node_beam: list[int] = []                   # the running beam each node continued
        step_cross: list[Any] = []                  # per step: [nb, layer, head, src] (encoder-decoders)
        if seq2seq:
            enc_out, enc_mask = encode_source(loaded, prep.encoder_ids)
            enc_out.last_hidden_state = enc_out.last_hidden_state.repeat_interleave(nb, dim=0)
            enc_mask = enc_mask.repeat_interleave(nb, dim=0)
            out = model(encoder_outputs=enc_out, attention_mask=enc_mask, decoder_input_ids=running,
                        use_cache=True, output_attentions=True, return_dict=True)
        else:
            out = model(input_ids=running, attention_mask=torch.ones_like(running), use_cache=True,
                        return_dict=True)
        cur = prompt_len
        step = 0
        while True:
            logits = out.logits[:, -1, :].float()
            vocab = logits.shape[-1]
            if seq2seq:
                # The last query row of each beam: the step that was fed that beam's newest token.
                step_cross.append(torch.stack([c[:, :, -1, :] for c in out.cross_attentions], dim=1).float())
            log_probs = torch.log_softmax(logits, dim=-1)
            log_probs = repetition_penalty(log_probs, running, cfg.repetition_penalty)
            acc = (log_probs + run_scores[:, None]).reshape(-1)
            top_lp, top_idx = torch.topk(acc, k=keep)
            src_beam = top_idx // vocab
            top_ids = top_idx % vocab
            cand = torch.cat([running[src_beam], top_ids[:, None]], dim=1)          # [keep, cur+1]
            hits = torch.isin(top_ids, eos_t) if len(stop) else torch.zeros(keep, dtype=torch.bool, device=device)
            if cur + 1 >= max_length:
                hits = torch.ones_like(hits)
            # tree: one node per candidate considered
            base = len(nodes)
            ids_l, src_l, lp_l = top_ids.tolist(), src_beam.tolist(), top_lp.tolist()
            new = [BeamNode(base + j, run_nodes[src_l[j]], step, ids_l[j], token_text(tok, ids_l[j]),
                            float(lp_l[j])) for j in range(keep)]
            # e. the best beams that did not end continue
            run_lp = top_lp + hits.float() * _NEG
            nxt = torch.topk(run_lp, k=nb).indices
            running = cand[nxt]
            run_scores = run_lp[nxt]
            nxt_l = nxt.tolist()
            run_nodes = [base + j for j in nxt_l]
            reorder = src_beam[nxt]
            # f. finished list: only the top nb candidates may enter, with the length penalty
            just = hits & top_mask
            cand_fin = top_lp / ((cur + 1 - prompt_len) ** lp_pow)
            full = bool(fin_done.all()) and cfg.early_stopping is True
            cand_fin = cand_fin + (_NEG if full else 0.0) + (0.0 if unsatisfied else _NEG)
            cand_fin = cand_fin + (~just).float() * _NEG
            merged = torch.cat([fin_scores, cand_fin])
            best = torch.topk(merged, k=nb).indices.tolist()
            old_seqs, old_nodes, old_done = fin_seqs, fin_nodes, fin_done.tolist()
            just_l = just.tolist()
            cand_l = cand.tolist()
            fin_seqs, fin_nodes, done = [], [], []
            for b in best:
                if b < nb:
                    fin_seqs.append(old_seqs[b]), fin_nodes.append(old_nodes[b]), done.append(old_done[b])
                else:
                    j = b - nb
                    fin_seqs.append(cand_l[j]), fin_nodes.append(base + j), done.append(just_l[j])
            fin_scores = merged[best]
            fin_done = torch.as_tensor(done, dtype=torch.bool, device=device)
            marked = {fin_nodes[i] for i in range(nb) if done[i]}
            new = [dataclasses.replace(n, finished=True) if n.node_id in marked else n for n in new]
            nodes.extend(new)
            node_beam.extend(src_l)
            fin_ids = tuple(fin_nodes[i] for i in range(nb) if done[i])
            yield BeamStep(step=step, new_nodes=tuple(new), alive=tuple(run_nodes), finished=fin_ids,
                           finished_scores=tuple(float(fin_scores[i]) for i in range(nb) if done[i]))
            cur += 1
            step += 1
            # g. early-stopping heuristic, then the loop condition
            if cfg.early_stopping == "never" and lp_pow > 0.0:
                best_len = max_length - prompt_len
            else:
                best_len = cur - prompt_len
            best_possible = float(run_scores[0]) / (best_len ** lp_pow)
            worst = torch.where(fin_done, fin_scores.min(), torch.full_like(fin_scores, _NEG))
            unsatisfied = unsatisfied and bool((best_possible > worst).any())
            open_beam = not (bool(fin_done.all()) and cfg.early_stopping is True)
            if not (unsatisfied and open_beam and not bool(hits.all())):
                break
            # the cache follows the beams that continue
            cache = out.past_key_values
            cache.reorder_cache(reorder)
            last = running[:, -1:]
            if seq2seq:
                out = model(encoder_outputs=enc_out, attention_mask=enc_mask, decoder_input_ids=last,
                            past_key_values=cache, use_cache=True, output_attentions=True, return_dict=True)
            else:
                mask = torch.ones((nb, running.shape[1]), dtype=torch.long, device=device)
                out = model(input_ids=last, attention_mask=mask, past_key_values=cache, use_cache=True,
                            return_dict=True)
    seqs = tuple(tuple(int(t) for t in s[prompt_len:]) for s in fin_seqs)
    cross = None
    if seq2seq and fin_nodes and fin_nodes[0] >= 0:
        cross = _path_cross(nodes, node_beam, step_cross, fin_nodes[0])
    return BeamResult(
        start=prep.start, nodes=tuple(nodes), sequences=seqs,
        scores=fin_scores.cpu().numpy().astype(np.float32),
        texts=tuple(tok.decode(list(s), skip_special_tokens=True) for s in seqs), node_ids=tuple(fin_nodes),
        cross_attention=cross)


def _path_cross(nodes: list[BeamNode], node_beam: list[int], step_cross: list[Any], leaf: int) -> np.ndarray:
    """Cross-attention along the tree path ending at node ``leaf``: float32 ``[layer, head, steps, src]``.

    Node ``n`` was produced at step ``nodes[n].step`` by running beam ``node_beam[n]``; that
    beam's row of the step's cross-attention is the query of the token the hypothesis was fed.
    """
    import torch

    rows = []
    node = leaf
    while node >= 0:
        rows.append(step_cross[nodes[node].step][node_beam[node]])      # [layer, head, src]
        node = nodes[node].parent
    rows.reverse()
    return torch.stack(rows, dim=2).cpu().numpy().astype(np.float32)


def beam_search(loaded: LoadedModel, prompt: str, cfg: DecodingConfig) -> BeamResult:
    """Blocking form of :func:`iter_beam_search`."""
    it = iter_beam_search(loaded, prompt, cfg)
    while True:
        try:
            next(it)
        except StopIteration as stop:
            return stop.value


def live_nodes(nodes: tuple[BeamNode, ...] | list[BeamNode], alive: tuple[int, ...],
               finished: tuple[int, ...]) -> set[int]:
    """Ids of nodes on a path to a running or finished hypothesis; the rest were pruned."""
    parent = {n.node_id: n.parent for n in nodes}
    live: set[int] = set()
    for leaf in (*alive, *finished):
        node = leaf
        while node >= 0 and node not in live:
            live.add(node)
            node = parent.get(node, -1)
    return live


__all__ = ["iter_beam_search", "beam_search", "live_nodes", "errors"]
