/// The text of `descent --help`.
let helpText = """
    descent: train a neural network by backpropagation and watch it live

    usage: descent [options]
           descent eval --checkpoint FILE [--data D] [--split S]
           descent predict --checkpoint FILE [--data D] [--split S]
                           [--output FILE.csv]

    data
      --data NAME|PATH    mnist (default), digits, iris, a folder holding the
                          four IDX files (train-images-idx3-ubyte[.gz], ...),
                          or a CSV file (.csv or .csv.gz; label in the last
                          column; an optional header row)
      --validation F      fraction of the training data held out, above 0
                          and below 0.5 (0.1)
      --task NAME         classification, binary or regression (default:
                          from the data)

    network
      --layers LIST       hidden layers, input side first (128): sizes with
                          optional activations and dropout, such as
                          256:relu,128:tanh,dropout:0.2,64; none for no
                          hidden layer
      --activation NAME   for sizes without one: relu (default), leaky_relu,
                          leaky_relu:SLOPE, gelu, tanh, sigmoid, linear
      --init NAME         he or xavier (default: he for relu, else xavier)
      --label-smoothing X softmax cross-entropy label smoothing (0)

    training
      --lr X              learning rate (0.1)
      --optimizer NAME    sgd (default), adam, adamw, rmsprop; PyTorch's rules
                          and defaults
      --momentum X        SGD or RMSProp momentum, 0 to below 1 (0)
      --nesterov          Nesterov momentum (SGD, needs --momentum)
      --weight-decay X    L2 decay (decoupled for adamw; default 0.01 there,
                          0 elsewhere)
      --l1 X              L1 penalty: X·sign(w) added to each gradient (0)
      --clip-norm X       clip gradients to a global L2 norm of X (off)
      --betas B1,B2       Adam and AdamW moment decays (0.9,0.999)
      --eps X             Adam, AdamW and RMSProp epsilon (1e-8)
      --batch N           samples per mini-batch (64)
      --epochs N          passes over the training data (10)
      --seed N            seeds initialisation, splits and shuffling (1)
      --schedule SPEC     learning rate over the run (constant):
                            step:EPOCHS[:GAMMA]   exp:GAMMA
                            cosine[:WARMUP_BATCHES[:MIN_LR]]
                            onecycle[:MAX_LR]     plateau[:PATIENCE[:FACTOR]]
                          + and - scale whatever the schedule gives
      --early-stop N      stop after N epochs without a better validation
                          loss and keep the best epoch's weights
      --threads N         OpenBLAS threads (1)

    saving and logging
      --save FILE         write a checkpoint at the end (safetensors weights
                          plus the run's state)
      --save-every N      also write it after every N epochs
      --resume FILE       continue a saved run (with --epochs to go further)
      --log FILE          metrics log: FILE.jsonl (every batch, epoch and
                          event) or FILE.csv (one row per epoch)

    display
      --headless          print one line per epoch instead of the dashboard
                          (also chosen when stdout is not a terminal)
      --paused            open the dashboard paused; space starts training

    keys (dashboard)
      space pause/resume   n one batch, then pause   + / - learning rate ×2 / ÷2
      [ / ] previous/next layer   ? help   q quit (Ctrl-C too)

    """
