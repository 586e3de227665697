// The characters of a file path as a log prints it, for a pattern's path capture: word characters, `.`, `/`, `+`, `-`,
// and the shell forms users paste in place of their home or user name (`/home/$USER/…`, `/home/${USER}/…`, `~/…`:
// huggingface/open-r1#684 prints `ImportError: /home/$USER/miniconda3/envs/openr1/…/flash_attn_2_cuda….so`), so the
// capture holds the whole path and does not start after the `$`. A character class in a string, for `new RegExp`.
export const PATH_CHAR = '[\\w./+${}~-]';
