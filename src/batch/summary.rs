//! The market summary of a batch (to be written).
